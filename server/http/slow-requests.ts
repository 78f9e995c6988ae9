import type { FastifyInstance, FastifyRequest } from 'fastify';

// A request still running after `afterMs` is logged once (warn) while it runs, and again with its time when it
// ends: a page that spins shows in the server log with the route it waits on, whether the request ends or not.

export const SLOW_REQUEST_MS = 5_000;

export function registerSlowRequestLog(app: FastifyInstance, afterMs = SLOW_REQUEST_MS): void {
  const watches = new WeakMap<FastifyRequest, { timer: NodeJS.Timeout; slow: boolean }>();
  const stop = (req: FastifyRequest) => {
    const watch = watches.get(req);
    if (!watch) return undefined;
    clearTimeout(watch.timer);
    watches.delete(req);
    return watch;
  };
  app.addHook('onRequest', async (req) => {
    const watch = {
      slow: false,
      timer: setTimeout(() => {
        watch.slow = true;
        req.log.warn({ method: req.method, url: req.url }, `请求仍在处理 / request still running after ${afterMs} ms`);
      }, afterMs),
    };
    watch.timer.unref();
    watches.set(req, watch);
  });
  app.addHook('onResponse', async (req, reply) => {
    if (stop(req)?.slow) {
      const ms = Math.round(reply.elapsedTime);
      req.log.warn({ method: req.method, url: req.url, ms }, `慢请求 / slow request: ${ms} ms`);
    }
  });
  app.addHook('onRequestAbort', async (req) => {
    stop(req);
  });
}
