import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { registerSlowRequestLog } from './slow-requests.ts';

async function appLogging(afterMs: number) {
  const lines: { level: number; msg: string; url?: string; ms?: number }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, next) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      next();
    },
  });
  const app = Fastify({ logger: { level: 'warn', stream } });
  registerSlowRequestLog(app, afterMs);
  app.get('/quick', async () => ({ ok: true }));
  app.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, afterMs * 4));
    return { ok: true };
  });
  await app.ready();
  return { app, lines };
}

describe('slow request log', () => {
  it('names a request still running, then its time when it ends', async () => {
    const { app, lines } = await appLogging(40);
    expect((await app.inject('/slow')).statusCode).toBe(200);
    const warned = lines.filter((l) => l.url === '/slow');
    expect(warned.map((l) => l.msg.split(' / ')[0])).toEqual(['请求仍在处理', '慢请求']);
    expect(warned[1].ms).toBeGreaterThanOrEqual(40);
    await app.close();
  });

  it('says nothing of a quick request', async () => {
    const { app, lines } = await appLogging(1_000);
    expect((await app.inject('/quick')).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toEqual([]);
    await app.close();
  });
});
