import { getLanguage } from './language.ts';
import { workflowName } from './workflowNames.ts';

// Deprecated: use useI18n().caseStage / projectStage / projectStatus; kept until every page is moved.
export { CASE_STAGE_EN, PROJECT_STAGE_EN, PROJECT_STATUS_EN } from './workflowNames.ts';

export const caseStageName = (code: string, language: string = getLanguage()) =>
  workflowName('caseStage', code, language);
export const projectStageName = (code: string, language: string = getLanguage()) =>
  workflowName('projectStage', code, language);
export const projectStatusName = (code: string, language: string = getLanguage()) =>
  workflowName('projectStatus', code, language);
