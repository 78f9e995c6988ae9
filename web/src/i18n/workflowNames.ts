import { getLanguage } from './language.ts';
import { STAGE_LABELS } from '#common/domain/cases/workflow.ts';
import { ENTRY_STAGE_LABELS, PROJECT_STATUS_LABELS } from '#common/domain/projects/workflow.ts';
import type { Stage } from '#common/domain/cases/workflow.ts';
import type { EntryStage, ProjectStatus } from '#common/domain/projects/workflow.ts';

// Stage and status names as message tables the i18n hook reads (issue 16 point 4: English mode translates them).
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

export const WORKFLOW_NAMES = {
  caseStage: [STAGE_LABELS, CASE_STAGE_EN],
  projectStage: [ENTRY_STAGE_LABELS, PROJECT_STAGE_EN],
  projectStatus: [PROJECT_STATUS_LABELS, PROJECT_STATUS_EN],
} as const satisfies Record<string, readonly [Record<string, string>, Record<string, string>]>;

export type WorkflowNameKind = keyof typeof WORKFLOW_NAMES;

/** A stage/status code in a language; an unknown code is shown as it is. */
export function workflowName(kind: WorkflowNameKind, code: string, language: string): string {
  const table: Record<string, string> = WORKFLOW_NAMES[kind][language === 'en' ? 1 : 0];
  return table[code] ?? code;
}

// For column renderers and pure helpers outside a component: the current UI language unless one is given.
// In a component prefer useI18n().caseStage / projectStage / projectStatus.
export const caseStageName = (code: string, language: string = getLanguage()) =>
  workflowName('caseStage', code, language);
export const projectStageName = (code: string, language: string = getLanguage()) =>
  workflowName('projectStage', code, language);
export const projectStatusName = (code: string, language: string = getLanguage()) =>
  workflowName('projectStatus', code, language);
