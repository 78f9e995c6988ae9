import {
  PROJECT_TYPE_LABELS,
  PROJECT_TYPES,
  DEFAULT_SUB_TYPES,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
} from '#common/domain/projects/types.ts';
import { ENTRY_STAGE_LABELS, PROJECT_STATUS_LABELS, ENTRY_STAGES } from '#common/domain/projects/workflow.ts';
import {
  STEP_LABELS,
  STATUS_LABELS as DELIBERATION_STATUS_LABELS,
  DELIBERATION_STEPS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  PROPOSAL_ORIGIN_LABELS,
  PROPOSAL_ORIGINS,
} from '#common/domain/deliberation/rules.ts';
import { projectStageName, projectStatusName } from '#web/i18n/workflowNames.ts';

export {
  PROJECT_TYPE_LABELS,
  PROJECT_TYPES,
  DEFAULT_SUB_TYPES,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  ENTRY_STAGE_LABELS,
  PROJECT_STATUS_LABELS,
  ENTRY_STAGES,
};
export {
  STEP_LABELS,
  DELIBERATION_STATUS_LABELS,
  DELIBERATION_STEPS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  PROPOSAL_ORIGIN_LABELS,
  PROPOSAL_ORIGINS,
};

export const STATUS_COLORS: Record<string, string> = {
  reserve: 'default',
  admitted: 'blue',
  implementing: 'processing',
  accepted: 'cyan',
  completed: 'green',
  cancelled: 'red',
};
export const CHECK_COLORS: Record<string, string> = {
  met: 'success',
  atRisk: 'warning',
  notMet: 'error',
  noData: 'default',
};
export const PURPOSE_LABELS: Record<string, string> = {
  project: '项目申报',
  assetIncome: '资产收益分配',
  assetDisposal: '资产处置',
  other: '其他村级事务',
};

// In the UI language (English names in web/src/i18n/workflowNames.ts).
export const stageLabel = (s: string) => projectStageName(s);
export const statusLabel = (s: string) => projectStatusName(s);
