// Deprecated: moved into the i18n hook (useI18n().oneLanguage); kept until every page is moved.
export { oneLanguage } from './useI18n.ts';
