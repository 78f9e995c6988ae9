import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// The built web app (vite's dist). Its /assets/ files are named by their content hash, so a browser keeps them for a
// year without asking again (`immutable`); index.html and the other unhashed files are asked again on every load
// (`no-cache`, answered 304 when unchanged), so a new build is seen at once. Without this, every page load asked the
// server again for each of the app's chunks.

const HASHED = `${path.sep}assets${path.sep}`;

/** Serves `root` (when built) and answers every other non-API GET with the app shell (client-side routes). */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(path.join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(HASHED) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
  return true;
}
