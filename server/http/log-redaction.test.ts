import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/test-app.ts';
import { errorSerializer, LOGGED_PARAMS, redactUrl } from './log-redaction.ts';

describe('redactUrl', () => {
  it.each([
    ['/api/registry/households?q=140521198001010011&limit=20', '/api/registry/households?q=[redacted]&limit=20'],
    ['/api/registry/households?limit=20&q=%E5%BC%A0%E4%B8%89', '/api/registry/households?limit=20&q=[redacted]'],
    ['/api/clues?status=open&village=140521100201', '/api/clues?status=open&village=140521100201'],
    ['/api/x?phone=13800001234&idNumber=1&name=a', '/api/x?phone=[redacted]&idNumber=[redacted]&name=[redacted]'],
    ['/api/x?newSearchTerm=%E5%BC%A0', '/api/x?newSearchTerm=[redacted]'],
    ['/api/health', '/api/health'],
    ['/api/x?q', '/api/x?q'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

const env = useTestApp();

describe('every query parameter of every route', () => {
  it('is either a listed code/id/date/switch or redacted, and no search term is listed', async () => {
    await env.app.ready();
    const doc = env.app.swagger() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const params = new Map<string, string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops))
        for (const p of op.parameters ?? []) if (p.in === 'query') params.set(p.name, `${method} ${path}`);
    }
    expect(params.size).toBeGreaterThan(20);
    expect(params.has('q')).toBe(true);
    for (const [name, route] of params) {
      const logged = redactUrl(`${route.split(' ')[1]}?${name}=%E7%8E%8B%E5%BB%BA%E5%9B%BD`);
      expect(logged.includes('[redacted]'), `${name} (${route})`).toBe(!LOGGED_PARAMS.has(name));
    }
    for (const term of ['q', 'name', 'phone', 'idNumber', 'search', 'keyword', 'headName'])
      expect(LOGGED_PARAMS.has(term)).toBe(false);
  });
});

describe('errors in the log', () => {
  it("keep a failed query's text but not its bound parameters (search terms, hashes)", () => {
    const cause = new Error('invalid byte sequence');
    const err = Object.assign(
      new Error(
        'Failed query: select * from person where id_hash = $1 and name like $2\nparams: 9f86d081884c7d65,%王建国%',
      ),
      { cause },
    );
    const logged = JSON.stringify(errorSerializer(err));
    expect(logged).toContain('Failed query: select * from person');
    expect(logged).not.toContain('王建国');
    expect(logged).not.toContain('9f86d081884c7d65');
    expect(logged).toContain('invalid byte sequence');
  });
});
