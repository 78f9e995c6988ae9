#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `guardline` works straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli.ts');
await main(process.argv.slice(2));
