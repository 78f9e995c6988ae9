import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';
import type { Language } from '../i18n/language.ts';
import { translate } from '../i18n/useI18n.ts';
import { applyServerFieldErrors } from './fieldErrors.ts';

export function errorMessage(error: unknown, language: Language): { message: string; requestId: string | null } {
  if (error instanceof ApiError) return { message: error.messageIn(language), requestId: error.requestId };
  return { message: translate(language, 'common.errorTitle'), requestId: null };
}

/**
 * Deprecated: pages send forms with useFormMutation. Puts the API's field errors under the matching inputs;
 * true when at least one field was marked, so the caller can skip a general message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, language: Language): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  return applyServerFieldErrors(form, error, language).length < error.fields.length;
}
