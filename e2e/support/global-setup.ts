// Once per browser run: build the web app if stale and fill one data directory with the demo county.
// Every journey's server then starts on a copy of it (startServer), instead of loading the demo again.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt, startServer } from './app.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  ensureWebBuilt();
  // Outside a test file `inject` is unavailable, so this server loads the demo itself.
  const server = await startServer();
  const dir = server.dataDir;
  // Stop gracefully (SIGTERM: the server closes the database and releases its lock), keeping the directory.
  await server.stop({ keepData: true });
  project.provide('e2eDataTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
