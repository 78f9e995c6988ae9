import { checkElimination, type EliminationMode } from '#common/domain/cases/elimination.ts';
import {
  assessIncomeLine,
  incomeFigureOf,
  linePerCapita,
  stabilityMonths,
  unstableMonths,
  type IncomeYearRecord,
} from '#common/domain/monitoring/income-line.ts';
import { periodOf } from '#common/domain/period.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { closeClueByCase } from '../monitoring/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { recordChange, setHouseholdMonitoring } from '../registry/index.ts';
import { incomeRecords, measuresInPlaceByRisk } from './cases.elimination.repository.ts';
import {
  householdFacts,
  latestIncome,
  openClueCount,
  type CaseRecord,
  type HouseholdFacts,
} from './cases.repository.ts';

// What a case decides about its household: the §1.8 elimination check (each criterion with its
// figures), and at 公告 the household's monitoring fields, its timeline entry, the clue's outcome and
// the post-elimination snapshot. Called inside the case service's transaction.

type Fields = Record<string, unknown>;
const notFound = () => AppError.notFound({ zh: '事项', en: 'Case' });
const conflict = (zh: string, en: string) => new AppError('CONFLICT', { zh, en });

/** The workflow parameters in force for a county and month. */
export async function workflowParamsOf(tx: Db, countyCode: string, period: string) {
  const params = await resolveAll(tx, countyCode, period);
  return {
    noticeDays: numberParam(params, 'workflow.noticeDays'),
    limitDays: numberParam(params, 'workflow.identificationDays'),
    minMonths: numberParam(params, 'workflow.minMonthsBeforeElimination'),
  };
}

/** The line's verdict on a household as of a month, with the figure and line in force that month (income-line.ts). */
async function incomeLineAsOf(tx: Db, countyCode: string, records: readonly IncomeYearRecord[], period: string) {
  const params = await resolveAll(tx, countyCode, period);
  const line = params['monitoring.incomeLineFen']?.value;
  return assessIncomeLine(
    records,
    period,
    incomeFigureOf(params['monitoring.incomeFigure']?.value),
    typeof line === 'number' ? line : null,
  );
}

/** The facts and the check of §1.8 for an elimination case (or a household about to start one). */
export async function checkHouseholdElimination(
  tx: Db,
  h: HouseholdFacts,
  mode: EliminationMode,
  rigidSpendingResolved: boolean | null,
  today: string,
) {
  const asOf = periodOf(today);
  const params = await resolveAll(tx, h.county_code, asOf);
  const records = await incomeRecords(tx, h.id);
  const months = stabilityMonths(asOf, numberParam(params, 'workflow.incomeStableMonths'));
  const assessments = [];
  for (const period of months)
    assessments.push({ period, assessment: await incomeLineAsOf(tx, h.county_code, records, period) });
  const income = assessments[assessments.length - 1].assessment;
  const result = checkElimination({
    mode,
    asOfPeriod: asOf,
    identificationPeriod: h.identification_period,
    minMonths: numberParam(params, 'workflow.minMonthsBeforeElimination'),
    riskTypes: h.risk_types,
    measuresByRisk: await measuresInPlaceByRisk(tx, h.id, today),
    income,
    incomeStability: { months: months.length, unstable: unstableMonths(assessments) },
    rigidSpendingResolved,
    openClues: await openClueCount(tx, h.id),
    housingUnsafe: h.housing_unsafe,
    schoolDropout: h.school_dropout,
    medicalUninsured: h.medical_uninsured,
    waterSafe: h.water_safe,
    wholeHouseholdNoLabour: h.whole_household_no_labour,
  });
  return { ...result, income };
}

export function criteriaError(criteria: ReturnType<typeof checkElimination>['criteria']) {
  const failed = criteria.filter((c) => c.ok === false);
  return new AppError(
    'CONFLICT',
    {
      zh: `不符合风险消除条件：${failed.map((c) => `${c.labelZh}（${c.detailZh}）`).join('；')}`,
      en: `Elimination criteria not met: ${failed.map((c) => c.labelEn).join('; ')}`,
    },
    failed.map((c) => ({ field: `criteria.${c.code}`, messageZh: c.detailZh, messageEn: c.labelEn })),
  );
}

/** 纳入监测 / 风险消除 on the household, with its timeline entry; the clue closes with the outcome. */
export async function finish(tx: Db, ctx: RequestContext, c: CaseRecord, announcedOn: string): Promise<Fields | null> {
  const h = await householdFacts(tx, '', c.householdId, true);
  if (!h) throw notFound();
  const before = {
    monitoringType: h.monitoring_type,
    riskTypes: h.risk_types,
    identificationPeriod: h.identification_period,
    eliminationPeriod: h.elimination_period,
    eliminationMode: h.elimination_mode,
  };
  const household = { id: h.id, countyCode: h.county_code, villageCode: h.village_code, householdNo: h.household_no };
  if (c.kind === 'identification') {
    const after = {
      monitoringType: c.monitoringType,
      riskTypes: c.riskTypes.slice(0, 5),
      identificationPeriod: periodOf(announcedOn),
      eliminationPeriod: null,
      eliminationMode: null,
    };
    await setHouseholdMonitoring(tx, h.id, after);
    await recordChange(
      tx,
      ctx,
      household,
      before.eliminationPeriod ? 'reidentify' : 'identify',
      `识别认定纳入监测（事项 #${c.id}）`,
      before,
      after,
    );
    if (c.clueId) await closeClueByCase(tx, c.clueId, `已纳入监测（事项 #${c.id}）`);
    return null;
  }
  if (h.whole_household_no_labour) {
    throw conflict(
      '整户无劳动能力户暂不标注风险消除，继续跟踪监测',
      'A whole household without labour ability stays monitored',
    );
  }
  const income = await latestIncome(tx, h.id);
  const snapshot: Fields = {
    takenOn: announcedOn,
    income: income
      ? {
          year: income.year,
          wageIncome: income.wage_income,
          businessIncome: income.business_income,
          propertyIncome: income.property_income,
          transferIncome: income.transfer_income,
          businessCost: income.business_cost,
          insurancePayout: income.insurance_payout,
          eligibleOutOfPocket: income.eligible_out_of_pocket,
          netIncome: income.net_income,
          householdSize: income.household_size,
          // 家庭人均纯收入 of the snapshot (1_11_004): the net figure, rounded as the line rule rounds.
          perCapitaFen: linePerCapita(
            {
              year: income.year,
              netIncome: income.net_income,
              insurancePayout: income.insurance_payout,
              eligibleOutOfPocket: income.eligible_out_of_pocket,
              householdSize: income.household_size,
            },
            'net',
          ),
        }
      : null,
    housingUnsafe: h.housing_unsafe,
    schoolDropout: h.school_dropout,
    medicalUninsured: h.medical_uninsured,
    waterSafe: h.water_safe,
  };
  const after = { ...before, eliminationPeriod: periodOf(announcedOn), eliminationMode: c.eliminationMode };
  await setHouseholdMonitoring(tx, h.id, after);
  await recordChange(
    tx,
    ctx,
    household,
    'eliminate',
    `风险消除（${c.eliminationMode === 'naturalElimination' ? '自然消除' : '帮扶消除'}，事项 #${c.id}）`,
    before,
    after,
  );
  return snapshot;
}
