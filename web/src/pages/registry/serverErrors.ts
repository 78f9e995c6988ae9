import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';
import type { Language } from '../../i18n/language.ts';

export type NamePath = (string | number)[];

/** "members[1].idNumber" (rule errors) or "members.1.idNumber" (schema errors) → ['members', 1, 'idNumber']. */
export function namePathOf(field: string): NamePath {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** True when `path` names a registered input: getFieldsValue() lists them all, empty ones included. */
export function hasPath(values: unknown, path: NamePath): boolean {
  let node: unknown = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(String(key) in (node as object))) return false;
    node = (node as Record<string, unknown>)[String(key)];
  }
  return true;
}

/**
 * Puts the server's field errors under the matching inputs (list rows included) and returns the
 * messages no input shows, for the form's error banner. `rename` maps a server path onto the form's.
 */
export function applyServerFieldErrors(
  form: FormInstance,
  error: unknown,
  language: Language,
  rename: (path: NamePath) => NamePath = (path) => path,
): string[] {
  if (!(error instanceof ApiError)) return [];
  const values: unknown = form.getFieldsValue();
  const marked: { name: NamePath; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const field of error.fields) {
    const text = language === 'en' ? field.messageEn : field.messageZh;
    const name = rename(namePathOf(field.field));
    if (hasPath(values, name)) {
      const existing = marked.find((entry) => entry.name.join('.') === name.join('.'));
      if (existing) existing.errors.push(text);
      else marked.push({ name, errors: [text] });
    } else {
      unplaced.push(text);
    }
  }
  form.setFields(marked);
  if (marked.length > 0) void form.scrollToField(marked[0].name, { block: 'center' });
  return unplaced;
}
