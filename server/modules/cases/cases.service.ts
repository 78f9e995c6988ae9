import type { EliminationMode } from '#common/domain/cases/elimination.ts';
import { periodOf } from '#common/domain/period.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import type { AttachmentsService } from '../attachments/index.ts';
import type { MonitoringService } from '../monitoring/index.ts';
import { createCaseActions } from './cases.act.ts';
import { createCaseListExport } from './cases.list-export.ts';
import { checkHouseholdElimination, workflowParamsOf } from './cases.outcome.ts';
import { createCaseReads } from './cases.read.ts';
import type { HouseholdFacts } from './cases.repository.ts';
import { createCaseStarts } from './cases.start.ts';
import { createStepRecorder } from './cases.step.ts';

// 识别认定 (from a clue) and 风险消除 (from a monitored household), policy-rules §1.6 / §1.8.
// The stage order and who acts are the pure workflow; the use cases add scope, the stage records,
// the household's monitoring fields at the end, the clue's outcome, attachments and audit — all in
// one transaction per action. This factory composes them:
//   cases.start.ts (发起), cases.act.ts (办理: 办结/退回/终止/开始公示; stage records in cases.stage-records.ts),
//   cases.read.ts (list and detail), cases.list-export.ts (the list as .xlsx), cases.step.ts (shared).

export interface CasesDeps {
  db: Db;
  attachments: AttachmentsService;
  monitoring: Pick<MonitoringService, 'explain'>;
  clock?: Clock;
}

export function createCasesService(deps: CasesDeps) {
  const { db, attachments } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => todayInChina(clock());

  const workflowParams = (tx: Db, countyCode: string, period = periodOf(today())) =>
    workflowParamsOf(tx, countyCode, period);
  const eliminationCheck = (tx: Db, h: HouseholdFacts, mode: EliminationMode, rigidSpendingResolved: boolean | null) =>
    checkHouseholdElimination(tx, h, mode, rigidSpendingResolved, today());

  const step = createStepRecorder(attachments);
  const { get, list, allRows } = createCaseReads({ db, attachments, today, workflowParams, eliminationCheck });
  const { startIdentification, startElimination } = createCaseStarts({ db, step, get, today });
  const { act } = createCaseActions({
    db,
    step,
    get,
    today,
    monitoring: deps.monitoring,
    workflowParams,
    eliminationCheck,
  });
  const listExport = createCaseListExport(db, { allRows });

  return {
    startIdentification,
    startElimination,
    act,
    get,
    list,
    allRows,
    prepareListExport: listExport.prepare,
    workflowParams,
    today,
    eliminationCheck,
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
