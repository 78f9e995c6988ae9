// ESLint rule `guardline/module-boundaries` (issue 18 point 1): a server module is entered only through its
// index.ts. A file of server/modules/<a>/ (and any file of server/lib, server/http, server/db, common/) that imports
// a file of server/modules/<b>/ (b ≠ a) must import server/modules/<b>/index.ts. The composition root and the
// tools outside the layers may reach inside: server/*.ts (app.ts, cli.ts, demo.ts, main.ts…), tests and test
// support, bench/, scripts/, e2e/. common/ may not import server/ at all.
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const modulesDir = path.join(root, 'server', 'modules');
// The package's subpath imports (package.json "imports"): #server/…, #common/…, #web/….
const ALIASES = { '#server/': 'server/', '#common/': 'common/', '#web/': 'web/src/' };

/** The file an import names, or null for a package. */
function targetOf(file, spec) {
  if (spec.startsWith('.')) return path.resolve(path.dirname(file), spec);
  const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a));
  return alias ? path.join(root, ALIASES[alias], spec.slice(alias.length)) : null;
}

const isTest = (rel) => /\.test\.tsx?$|test-support|^server\/test\//.test(rel);

function checkedModuleOf(file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  if (isTest(rel)) return undefined;
  if (rel.startsWith('server/modules/')) return rel.split('/')[2];
  if (/^(server\/(lib|http|db)|common)\//.test(rel)) return null; // below every module: index.ts only
  return undefined; // composition root and tools: not checked
}

export default {
  meta: {
    type: 'problem',
    docs: {
      description: 'Other server modules are imported only through their index.ts; common/ never imports server/',
    },
    schema: [],
    messages: {
      deep: "Import module '{{target}}' through '{{index}}' (its public API), not its file '{{file}}'. Export what you need from that index.ts.",
      commonToServer: 'common/ is shared with the web app and may not import server code ({{spec}}).',
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = checkedModuleOf(file);
    if (from === undefined) return {};
    const relFile = path.relative(root, file).split(path.sep).join('/');
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const target = targetOf(file, source.value);
      if (!target) return;
      const relTarget = path.relative(root, target).split(path.sep).join('/');
      if (relFile.startsWith('common/') && relTarget.startsWith('server/')) {
        context.report({ node: source, messageId: 'commonToServer', data: { spec: source.value } });
        return;
      }
      const inModules = path.relative(modulesDir, target);
      if (inModules.startsWith('..') || path.isAbsolute(inModules)) return;
      const [to, ...rest] = inModules.split(path.sep);
      if (to === from || rest.join('/') === 'index.ts') return;
      const index = `#server/modules/${to}/index.ts`;
      context.report({
        node: source,
        messageId: 'deep',
        data: { target: to, index, file: rest.join('/') },
      });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};
