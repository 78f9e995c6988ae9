import { argv, exit } from 'node:process';

// npm run bench -- <name> [options]: runs bench/<name>.ts (its default export gets the remaining
// arguments). Benchmarks print figures and ratios; nothing here asserts a time.

const BENCHES = ['registry', 'monitoring', 'assistance', 'indicators', 'cases', 'whatif'] as const;
type BenchName = (typeof BENCHES)[number];

const [benchName, ...args] = argv.slice(2);
if (!BENCHES.includes(benchName as BenchName)) {
  console.error(`用法 / usage: npm run bench -- <${BENCHES.join('|')}> [options]`);
  exit(2);
}
const bench = (await import(`./${benchName}.ts`)) as { default: (args: string[]) => Promise<void> };
await bench.default(args);
