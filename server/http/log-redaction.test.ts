import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.ts';

describe('redactUrl', () => {
  it.each([
    ['/api/registry/households?q=140521198001010011&limit=20', '/api/registry/households?q=[redacted]&limit=20'],
    ['/api/registry/households?limit=20&q=%E5%BC%A0%E4%B8%89', '/api/registry/households?limit=20&q=[redacted]'],
    ['/api/clues?status=open&village=140521100201', '/api/clues?status=open&village=140521100201'],
    ['/api/x?phone=13800001234&idNumber=1&name=a', '/api/x?phone=[redacted]&idNumber=[redacted]&name=[redacted]'],
    ['/api/health', '/api/health'],
    ['/api/x?q', '/api/x?q'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
