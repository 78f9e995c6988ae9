// Deprecated: the names live in workflowNames.ts (read by useI18n); kept until every page imports from there.
export {
  CASE_STAGE_EN,
  PROJECT_STAGE_EN,
  PROJECT_STATUS_EN,
  caseStageName,
  projectStageName,
  projectStatusName,
} from './workflowNames.ts';
