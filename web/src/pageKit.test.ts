import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The page kit stays the one way (issue 18 point 4, docs/ARCHITECTURE.md "Web page kit"): this reads every source
// file of the web app outside web/src/api and fails on a page that goes around the kit.

const SRC = path.dirname(new URL(import.meta.url).pathname);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'api' && dir === SRC ? [] : sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Lines of `text` matching `pattern`, as `file:line: text`. */
export function offences(files: { name: string; text: string }[], pattern: RegExp): string[] {
  return files.flatMap(({ name, text }) =>
    text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : [])),
  );
}

const files = sources(SRC).map((file) => ({ name: path.relative(SRC, file), text: readFileSync(file, 'utf8') }));

/** A query key written out (`queryKey: ['posts', …]`) instead of a factory of api/queryKeys.ts. */
const LITERAL_KEY = /queryKey:\s*\[\s*['"`]/;
/** The browser's fetch outside web/src/api (the api client adds the session, CSRF-free JSON and the error body). */
const RAW_FETCH = /(?<![\w.])fetch\(/;
/** A ledger list written by hand (its own error branch over usePagedList) instead of LedgerList. */
const HAND_LIST = /QueryErrorResult error=\{list\.query\.error\}/;
/**
 * A form that puts the server's field errors on itself by hand (form.setFields, the field mapping helpers, reading
 * `error.fields`) instead of useFormMutation; the kit's own components (web/src/components) are where it is done.
 */
const HAND_FORM_ERRORS =
  /\.setFields\(|\b(applyServerFieldErrors|applyFieldErrors|placeFieldErrors)\b|\.fields\??\.length|\berror\.fields\b|\{ fields\??: /;

describe('web page kit', () => {
  it('reads the pages', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.name.startsWith('api'))).toBe(false);
  });

  it('finds what it looks for (the check can fail)', () => {
    const sample = [
      { name: 'x.tsx', text: "useQuery({ queryKey: ['posts'] });\nawait fetch('/api/x');\nq.refetch();" },
    ];
    const forms = [
      { name: 'f.tsx', text: 'onError: (e) => form.setFields(marks(e)),' },
      { name: 'g.tsx', text: 'onError: (err) => applyFieldErrors(form, err, language),' },
      { name: 'h.tsx', text: '{m.isError && !(m.error as { fields?: unknown[] }).fields?.length && <Alert />}' },
      { name: 'i.tsx', text: 'form.resetFields();\nform.setFieldsValue({ a: 1 });\nuseFormMutation(form, save);' },
    ];
    expect(offences(forms, HAND_FORM_ERRORS).map((o) => o.split(':')[0])).toEqual(['f.tsx', 'g.tsx', 'h.tsx']);
    expect(offences(sample, LITERAL_KEY)).toEqual(["x.tsx:1: useQuery({ queryKey: ['posts'] });"]);
    expect(offences(sample, RAW_FETCH)).toEqual(["x.tsx:2: await fetch('/api/x');"]);
  });

  it('has no literal query keys outside web/src/api (use keys.* from api/queryKeys.ts)', () => {
    expect(offences(files, LITERAL_KEY)).toEqual([]);
  });

  it('calls fetch only in web/src/api', () => {
    expect(offences(files, RAW_FETCH)).toEqual([]);
  });

  it('sends forms with useFormMutation (no hand-placed field errors outside web/src/components)', () => {
    const pages = files.filter((f) => !f.name.startsWith('components'));
    expect(offences(pages, HAND_FORM_ERRORS)).toEqual([]);
  });

  it('writes ledger lists with LedgerList (components/LedgerListCard.tsx)', () => {
    const pages = files.filter((f) => f.name.startsWith('pages'));
    expect(offences(pages, HAND_LIST)).toEqual([]);
  });
});
