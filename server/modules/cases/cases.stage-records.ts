import { STAGE_FIELDS } from '#common/contracts/cases.ts';
import type { EliminationMode } from '#common/domain/cases/elimination.ts';
import type { Stage } from '#common/domain/cases/workflow.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { findClueForCase } from '../monitoring/index.ts';
import { requireMeetingInside, requireObjectionsInside, requireTypeFitsKind } from './cases.checks.ts';
import type { checkHouseholdElimination, workflowParamsOf } from './cases.outcome.ts';
import { criteriaError, finish } from './cases.outcome.ts';
import { householdFacts, type CaseRecord, type HouseholdFacts } from './cases.repository.ts';
import { conflict, parseStage, type Fields } from './cases.step.ts';

// The record each stage keeps when it is completed (办结本环节): parsed from the form, checked against
// the policy (dates inside the case, the type fits the household, §1.8 criteria), written into the case's
// `data` under the stage's name, with the case columns the stage sets (`set`).

export interface StageInput {
  tx: Db;
  ctx: RequestContext;
  c: CaseRecord;
  fields: Fields;
  now: string;
  params: Awaited<ReturnType<typeof workflowParamsOf>>;
  /** The engine's evidence read before the transaction (信息比对 only). */
  comparison: Fields | null;
  eliminationCheck: (
    tx: Db,
    h: HouseholdFacts,
    mode: EliminationMode,
    rigidSpendingResolved: boolean | null,
  ) => ReturnType<typeof checkHouseholdElimination>;
  /** Case columns the stage changes (filled in by the stage). */
  set: Partial<CaseRecord>;
}

const invalid = (field: string, messageZh: string, messageEn: string) =>
  AppError.validation([{ field, messageZh, messageEn }]);

const householdKind = async (k: StageInput) => (await householdFacts(k.tx, '', k.c.householdId))!.kind;

/** §1.8 criteria of an elimination case, refused when one is not met. */
async function eliminationCriteria(k: StageInput, rigidSpendingResolved: boolean | null) {
  const h = await householdFacts(k.tx, '', k.c.householdId);
  const check = await k.eliminationCheck(k.tx, h!, k.c.eliminationMode as EliminationMode, rigidSpendingResolved);
  if (!check.ok) throw criteriaError(check.criteria);
  return check.criteria;
}

async function verification(k: StageInput): Promise<Fields> {
  const f = parseStage(STAGE_FIELDS.verification, k.fields);
  if (k.c.kind !== 'identification') {
    if (f.rigidSpendingResolved === undefined)
      throw invalid(
        'rigidSpendingResolved',
        '请确认大额刚性支出是否已稳定解决',
        'Confirm whether large rigid spending is resolved',
      );
    return { ...f, criteria: await eliminationCriteria(k, f.rigidSpendingResolved) };
  }
  const clue = k.c.clueId ? await findClueForCase(k.tx, '', k.c.clueId) : undefined;
  if (!f.consent && !clue?.consent?.signed)
    throw invalid(
      'consent',
      '须由农户签署承诺授权书（签字或按手印）后才能继续',
      'The household must sign the undertaking and authorisation',
    );
  if (!f.riskTypes) throw invalid('riskTypes', '请选择核实到的风险类型（1至5种）', 'Choose the risks found (1–5)');
  k.set.riskTypes = f.riskTypes;
  return { ...f };
}

async function comparison(k: StageInput): Promise<Fields> {
  const f = parseStage(STAGE_FIELDS.comparison, k.fields);
  const suggestion = k.comparison?.suggestion as { needsWrittenReason?: boolean } | undefined;
  if (suggestion?.needsWrittenReason && (f.exclusionReason ?? '').length < 5)
    throw invalid(
      'exclusionReason',
      '比对发现财政供养、经商办企业或车辆等核查提示，须写明继续办理的理由（至少5个字）',
      'The comparison shows an exclusion flag: write why the case proceeds',
    );
  requireTypeFitsKind(await householdKind(k), f.monitoringType);
  k.set.monitoringType = f.monitoringType;
  return { ...f, evidence: k.comparison };
}

async function villageReview(k: StageInput): Promise<Fields> {
  const f = parseStage(STAGE_FIELDS.villageReview, k.fields);
  requireMeetingInside(k.c, f.meetingOn, k.now);
  return f;
}

async function publicNotice(k: StageInput): Promise<Fields> {
  const f = parseStage(STAGE_FIELDS.publicNotice, k.fields);
  requireObjectionsInside(k.c, f.objections, k.now);
  k.set.noticeEndedOn = k.now;
  return f;
}

async function townshipReview(k: StageInput): Promise<Fields> {
  return parseStage(STAGE_FIELDS.townshipReview, k.fields);
}

async function countyApproval(k: StageInput): Promise<Fields> {
  const f = parseStage(STAGE_FIELDS.countyApproval, k.fields);
  k.set.decidedOn = k.now;
  if (k.c.kind !== 'identification') {
    const resolved =
      (k.c.data.verification as { rigidSpendingResolved?: boolean } | undefined)?.rigidSpendingResolved ?? null;
    return { ...f, criteria: await eliminationCriteria(k, resolved) };
  }
  if (f.monitoringType) k.set.monitoringType = f.monitoringType;
  if (f.riskTypes) k.set.riskTypes = f.riskTypes;
  const type = k.set.monitoringType ?? k.c.monitoringType;
  if (!type) throw invalid('monitoringType', '请确定监测对象类型', 'Decide the monitoring type');
  requireTypeFitsKind(await householdKind(k), type);
  return { ...f };
}

async function announcement(k: StageInput): Promise<Fields> {
  const f = parseStage(STAGE_FIELDS.announcement, k.fields);
  if (f.announcedOn > k.now)
    throw invalid('announcedOn', '公告日期不能晚于今天', 'The announcement cannot be in the future');
  if (k.c.decidedOn && f.announcedOn < k.c.decidedOn)
    throw invalid(
      'announcedOn',
      `公告日期不能早于县级审定日期 ${k.c.decidedOn}`,
      `Not before the decision on ${k.c.decidedOn}`,
    );
  // The household's 户类型 may have been edited since 县级审定: the type must still fit it.
  if (k.c.kind === 'identification' && k.c.monitoringType)
    requireTypeFitsKind(await householdKind(k), k.c.monitoringType);
  Object.assign(k.set, { announcedOn: f.announcedOn, status: 'done', finishedOn: k.now });
  return f;
}

const STAGE_RECORDS: Partial<Record<Stage, (k: StageInput) => Promise<Fields>>> = {
  verification,
  comparison,
  villageReview,
  publicNotice,
  townshipReview,
  countyApproval,
  announcement,
};

/**
 * The record of the stage `from` and the case's new `data`; `k.set` receives the columns the stage sets.
 * The announcement also finishes the case on the household (`finish`, cases.outcome.ts).
 */
export async function completeStage(k: StageInput, from: Stage): Promise<{ record: Fields; data: Fields }> {
  const handler = STAGE_RECORDS[from];
  if (!handler) throw conflict('该事项已办结', 'The case is finished');
  const record = await handler(k);
  const data: Fields = { ...k.c.data, [from]: record };
  if (from === 'publicNotice')
    data.publicNotice = { ...record, startedOn: k.c.noticeStartedOn, endedOn: k.now, days: k.params.noticeDays };
  if (from === 'announcement') {
    const snapshot = await finish(k.tx, k.ctx, { ...k.c, ...k.set } as CaseRecord, record.announcedOn as string);
    if (snapshot) data.snapshot = snapshot;
  }
  return { record, data };
}
