import { ApiError } from '../api/client.ts';
import type { Language } from '../i18n/language.ts';
import { translate } from '../i18n/useI18n.ts';

export function errorMessage(error: unknown, language: Language): { message: string; requestId: string | null } {
  if (error instanceof ApiError) return { message: error.messageIn(language), requestId: error.requestId };
  return { message: translate(language, 'common.errorTitle'), requestId: null };
}
