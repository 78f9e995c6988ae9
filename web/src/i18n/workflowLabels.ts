import { STAGE_LABELS, type Stage } from '../../../common/domain/cases/workflow.ts';
import {
  ENTRY_STAGE_LABELS,
  PROJECT_STATUS_LABELS,
  type EntryStage,
  type ProjectStatus,
} from '../../../common/domain/projects/workflow.ts';
import { getLanguage } from './language.ts';

// Stage and status names in the UI language (issue 16 point 4: English mode translates them).
// The Chinese names stay where the workflow rules define them; the English ones live here.

export const CASE_STAGE_EN: Record<Stage, string> = {
  verification: 'Home visit',
  comparison: 'Data comparison',
  villageReview: 'Village appraisal',
  publicNotice: 'Village notice',
  townshipReview: 'Township review',
  countyApproval: 'County approval',
  announcement: 'Announcement',
  done: 'Done',
  closed: 'Closed',
};

export const PROJECT_STAGE_EN: Record<EntryStage, string> = {
  declaration: 'Village declaration',
  villageNotice: 'Village notice',
  townshipReview: 'Township review',
  townshipNotice: 'Township notice',
  departmentReview: 'Department appraisal',
  countyApproval: 'County approval',
  countyNotice: 'County notice',
  announcement: 'Entry announcement',
  admitted: 'Admitted',
  withdrawn: 'Withdrawn',
};

export const PROJECT_STATUS_EN: Record<ProjectStatus, string> = {
  reserve: 'Reserve',
  admitted: 'Admitted',
  implementing: 'Implementing',
  accepted: 'Accepted',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

function pick<K extends string>(zh: Record<K, string>, en: Record<K, string>, code: string, language: string): string {
  const table = language === 'en' ? en : zh;
  return table[code as K] ?? code;
}

/** A case stage (入户核实 / Home visit); `language` defaults to the current UI language. */
export const caseStageName = (code: string, language: string = getLanguage()) =>
  pick(STAGE_LABELS, CASE_STAGE_EN, code, language);

export const projectStageName = (code: string, language: string = getLanguage()) =>
  pick(ENTRY_STAGE_LABELS, PROJECT_STAGE_EN, code, language);

export const projectStatusName = (code: string, language: string = getLanguage()) =>
  pick(PROJECT_STATUS_LABELS, PROJECT_STATUS_EN, code, language);
