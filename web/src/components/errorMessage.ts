import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';
import type { Language } from '../i18n/language.ts';
import { translate } from '../i18n/useI18n.ts';

export function errorMessage(error: unknown, language: Language): { message: string; requestId: string | null } {
  if (error instanceof ApiError) return { message: error.messageIn(language), requestId: error.requestId };
  return { message: translate(language, 'common.errorTitle'), requestId: null };
}

/**
 * Puts the API's field errors under the matching form inputs.
 * Returns true when at least one field was marked, so the caller can skip a general message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, language: Language): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  // getFieldsValue() lists every registered input, including empty ones.
  const registered = new Set(Object.keys(form.getFieldsValue() as object));
  const marked = error.fields
    .map((field) => ({ ...field, name: registered.has(field.field) ? field.field : field.field.split('.').pop() }))
    .filter((field): field is typeof field & { name: string } => !!field.name && registered.has(field.name));
  form.setFields(
    marked.map((field) => ({ name: field.name, errors: [language === 'en' ? field.messageEn : field.messageZh] })),
  );
  return marked.length > 0;
}
