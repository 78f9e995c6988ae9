// Import-cycle check for `npm run lint` (issue 18 point 1): no cycle between files and none between server modules.
// Reads every .ts/.tsx under common/, server/ and web/src/ with the TypeScript parser (no type checking: ~2 s).
// Every static import and re-export counts, type-only ones too (a module that names another's types depends on it);
// `import()` inside a function does not. A module edge `a -> b` is an import from a file of server/modules/a/ (tests
// and test support excluded) of a file of server/modules/b/. Break a cycle by moving the shared piece down (to the
// lower module, server/lib or common/) or by handing a function in through the service factory in server/app.ts.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The tree checked: this checkout, or the directory given (the check's own test runs it on a small fixture).
const root = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const roots = ['common', 'server', 'web/src'];
const isTest = (f) => /\.test\.tsx?$|test-support|[/\\]server[/\\]test[/\\]/.test(f);

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'migrations' && entry.name !== 'dist') walk(p, out);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// The package's subpath imports (package.json "imports").
const ALIASES = { '#server/': 'server/', '#common/': 'common/', '#web/': 'web/src/' };

function resolve(from, spec) {
  const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a));
  if (!spec.startsWith('.') && !alias) return null;
  const base = alias
    ? path.join(root, ALIASES[alias], spec.slice(alias.length))
    : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function staticImports(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specs = [];
  for (const st of source.statements) {
    if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier) {
      specs.push(st.moduleSpecifier.text);
    }
  }
  return specs;
}

const files = roots.flatMap((r) => (fs.existsSync(path.join(root, r)) ? walk(path.join(root, r), []) : []));
const graph = new Map();
for (const f of files) {
  graph.set(
    f,
    staticImports(f)
      .map((s) => resolve(f, s))
      .filter(Boolean),
  );
}

// Tarjan's strongly connected components; every component with more than one node (or a self-edge) is a cycle.
function cycles(nodes, edges) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || edges(v).includes(v)) out.push(comp);
    }
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return out;
}

const rel = (f) => path.relative(root, f);
const modulesDir = path.join(root, 'server', 'modules');
const moduleOf = (f) => {
  const r = path.relative(modulesDir, f);
  return r.startsWith('..') ? null : r.split(path.sep)[0];
};

const problems = [];
for (const comp of cycles([...graph.keys()], (v) => graph.get(v) ?? [])) {
  problems.push(`file import cycle: ${comp.map(rel).sort().join(', ')}`);
}

const moduleEdges = new Map();
const why = new Map();
for (const [f, targets] of graph) {
  const from = moduleOf(f);
  if (!from || isTest(f)) continue;
  for (const t of targets) {
    const to = moduleOf(t);
    if (!to || to === from) continue;
    if (!moduleEdges.has(from)) moduleEdges.set(from, new Set());
    moduleEdges.get(from).add(to);
    if (!why.has(`${from}>${to}`)) why.set(`${from}>${to}`, `${rel(f)} -> ${rel(t)}`);
  }
}
for (const comp of cycles([...moduleEdges.keys()], (v) => [...(moduleEdges.get(v) ?? [])])) {
  const set = new Set(comp);
  const edges = [...why]
    .filter(([k]) => set.has(k.split('>')[0]) && set.has(k.split('>')[1]))
    .map(([, v]) => `    ${v}`);
  problems.push(`module import cycle: ${comp.sort().join(' <-> ')}\n${edges.join('\n')}`);
}

if (problems.length > 0) {
  console.error(`check-import-cycles: ${problems.length} cycle(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`check-import-cycles: ${files.length} files, ${moduleEdges.size} modules with dependencies, no cycles`);
