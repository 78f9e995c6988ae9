import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

// Maps the API's field-level errors (400 `error.fields`, see server/http/errors.ts) onto antd Form inputs.
// Used by useFormMutation, the one way pages send a form; pure so it is unit-tested.

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
  if (path.length === 0) return false;
  let node: unknown = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(String(key) in (node as object))) return false;
    node = (node as Record<string, unknown>)[String(key)];
  }
  return true;
}

export interface PlacedErrors {
  /** Inputs to mark, each with its messages. */
  marked: { name: NamePath; errors: string[] }[];
  /** Messages no input shows (for the form's error banner). */
  unplaced: string[];
}

/**
 * Where each server field error goes: the input at its path (after `rename`), else an input named like its
 * last segment (`body.name` → `name`), else the banner.
 */
export function placeFieldErrors(
  values: unknown,
  error: unknown,
  language: string,
  rename: (path: NamePath) => NamePath = (path) => path,
): PlacedErrors {
  const placed: PlacedErrors = { marked: [], unplaced: [] };
  if (!(error instanceof ApiError)) return placed;
  for (const field of error.fields) {
    const text = language === 'en' ? field.messageEn : field.messageZh;
    const path = rename(namePathOf(field.field));
    const last = path.slice(-1);
    const name = hasPath(values, path) ? path : hasPath(values, last) ? last : null;
    if (!name) {
      placed.unplaced.push(text);
      continue;
    }
    const existing = placed.marked.find((entry) => entry.name.join('.') === name.join('.'));
    if (existing) existing.errors.push(text);
    else placed.marked.push({ name, errors: [text] });
  }
  return placed;
}

/** Marks the inputs on the form, scrolls to the first, and returns the messages no input shows. */
export function applyServerFieldErrors(
  form: FormInstance,
  error: unknown,
  language: string,
  rename?: (path: NamePath) => NamePath,
): string[] {
  const { marked, unplaced } = placeFieldErrors(form.getFieldsValue(), error, language, rename);
  form.setFields(marked);
  if (marked.length > 0) void form.scrollToField(marked[0].name, { block: 'center' });
  return unplaced;
}
