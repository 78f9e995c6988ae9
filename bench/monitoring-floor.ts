import { sql, type SQL } from 'drizzle-orm';
import { schoolYearFrom } from '../common/domain/monitoring/window.ts';
import { queryRows, type Db } from '../server/db/connect.ts';
import { withBatchSettings } from '../server/modules/monitoring/monitoring.engine.ts';
import { ruleOf, type RuleContext } from '../server/modules/monitoring/rules/index.ts';
import { constEvidence } from '../server/modules/monitoring/rules/types.ts';

// The engine's floor: the best single hand-written statement over the same tables computing the
// same warnings (same rules; the figures that decide them, not the engine's per-person lists) and
// writing them to a copy of the warning table. One pass over the department records with conditional
// aggregates, the year-to-date sums and the latest two income years from the tables kept on write
// (feed_year_total, household_income_latest; from their sources for a household with a record or an
// income year after the period), one pass over the members, then each household's fired rules through
// LATERAL … UNION ALL.

/** Runs with the engine's batch-session settings, so that both are measured alike. */
export async function runFloor(db: Db, ctx: RuleContext): Promise<Record<string, number>> {
  await db.execute(sql`DROP TABLE IF EXISTS bench_floor_warning`);
  await db.execute(sql`CREATE TABLE bench_floor_warning (LIKE warning INCLUDING DEFAULTS INCLUDING INDEXES)`);
  await withBatchSettings(db, (tx) => floorStatement(tx, ctx));
  const rows = await queryRows<{ code: string; n: number }>(
    db,
    sql`SELECT rule_code AS code, count(*)::int AS n FROM bench_floor_warning GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.n]));
}

async function floorStatement(db: Db, ctx: RuleContext): Promise<void> {
  const p = (key: string) => ctx.params[key]?.value as number;
  const w = ctx.window;
  const c = ctx.countyCode;
  const adjusted = ctx.params['monitoring.incomeFigure']?.value === 'adjusted';
  // Per capita of an income row: net (or net + insurance payout − eligible out-of-pocket), half-up.
  const pc = (net: string, size: string, payout: string, oop: string) =>
    sql`floor((2 * (${sql.raw(net)} ${adjusted ? sql.raw(`+ ${payout} - ${oop}`) : sql``}) + ${sql.raw(size)})::numeric / NULLIF(2 * ${sql.raw(size)}, 0))::bigint`;
  // The same constant evidence as the engine's (window, parameters in force with their sources).
  const ev = (code: string) => constEvidence(ctx, ruleOf(code)!.params);
  const schoolFrom = schoolYearFrom(w.period, p('education.schoolYearStartMonth'));
  const maxPerPerson = (col: SQL) =>
    sql`(SELECT max(t) FROM (SELECT sum((e ->> 1)::bigint) AS t FROM jsonb_array_elements(${col}) e GROUP BY e ->> 0) s)`;
  const rigid = sql`(coalesce(x.rigid_med, 0) + coalesce(x.rigid_edu, 0))`;
  const rigidExceeds = sql`(x.year IS NOT NULL AND ${rigid} > 0 AND ${rigid}::numeric > ${p('monitoring.rigidSpendingIncomeRatio')}::numeric * x.net)`;
  await db.execute(sql`INSERT INTO bench_floor_warning (county_code, period, run_id, household_id, village_code, rule_code, risk_type, evidence)
    WITH fa AS (
      SELECT fr.household_id,
        jsonb_agg(jsonb_build_array(fr.person_id, coalesce(fr.amount_fen, 0))) FILTER (WHERE fr.item = 'inpatientOutOfPocket' AND fr.occurred_on >= ${w.yearFrom}::date) AS inpatient_pairs,
        sum(fr.amount_fen) FILTER (WHERE fr.item = 'outpatientOutOfPocket' AND fr.occurred_on >= ${w.periodFrom}::date) AS outpatient,
        array_agg(fr.person_id) FILTER (WHERE fr.item = 'uninsured') AS uninsured,
        jsonb_agg(jsonb_build_array(fr.person_id, coalesce(fr.amount_fen, 0))) FILTER (WHERE fr.item = 'nonCompulsoryCost' AND fr.occurred_on >= ${schoolFrom}::date) AS edu_pairs,
        count(*) FILTER (WHERE fr.item = 'dropout') AS dropouts,
        NULLIF(substr(max(to_char(fr.occurred_on, 'YYYYMMDD') || lpad(fr.record_id::text, 19, '0') || coalesce(fr.attrs ->> 'houseGrade', '-')) FILTER (WHERE fr.item = 'houseAppraisal'), 28), '-') AS appraisal,
        count(*) FILTER (WHERE fr.item = 'unsafeWater') AS unsafe_water,
        jsonb_agg(jsonb_build_object('personId', fr.person_id, 'grade', fr.attrs ->> 'disabilityGrade')) FILTER (WHERE fr.item = 'newDisability'
          AND (fr.attrs ->> 'disabilityGrade' IN ('grade1', 'grade2') OR (fr.attrs ->> 'disabilityGrade' = 'grade3' AND fr.attrs ->> 'disabilityCategory' IN ('intellectual', 'mental')))) AS disabled,
        jsonb_agg(jsonb_build_object('personId', fr.person_id, 'on', fr.occurred_on)) FILTER (WHERE fr.item = 'death' AND fr.labour_skill IN ('skilled', 'ordinary', 'weak')) AS deaths,
        count(*) FILTER (WHERE fr.item = 'disaster') AS disasters, sum(coalesce(fr.amount_fen, 0)) FILTER (WHERE fr.item = 'disaster') AS loss,
        array_agg(fr.person_id) FILTER (WHERE fr.item = 'unemployment') AS unemployed,
        max(CASE WHEN fr.attrs ->> 'gapMonths' ~ '^[0-9]{1,4}$' THEN (fr.attrs ->> 'gapMonths')::int END) FILTER (WHERE fr.item = 'contributionGap') AS gap,
        jsonb_agg(jsonb_build_object('item', fr.item, 'personId', fr.person_id)) FILTER (WHERE fr.item IN ('publicPayroll', 'company', 'vehicle')) AS exclusion
      FROM feed_event fr
      WHERE fr.county_code = ${c} AND (fr.member_until IS NULL OR fr.item = 'death')
        -- One arm per window, each a range of feed_event_window_idx (read by index, as the engine does).
        AND (((fr.source, fr.item) IN (('education', 'dropout'), ('housing', 'houseAppraisal'), ('water', 'unsafeWater'), ('medical', 'uninsured'),
              ('disability', 'newDisability'), ('civil', 'death'), ('emergency', 'disaster'), ('hr', 'unemployment'), ('hr', 'contributionGap'))
            AND fr.occurred_on BETWEEN ${w.from}::date AND ${w.to}::date)
          OR ((fr.source, fr.item) IN (('finance', 'publicPayroll'), ('market', 'company'), ('police', 'vehicle')) AND fr.occurred_on <= ${w.to}::date)
          OR ((fr.source, fr.item) = ('medical', 'inpatientOutOfPocket') AND fr.occurred_on BETWEEN ${w.yearFrom}::date AND ${w.to}::date)
          OR ((fr.source, fr.item) = ('education', 'nonCompulsoryCost') AND fr.occurred_on BETWEEN ${schoolFrom}::date AND ${w.to}::date)
          OR ((fr.source, fr.item) = ('medical', 'outpatientOutOfPocket') AND fr.occurred_on BETWEEN ${w.periodFrom}::date AND ${w.to}::date))
      GROUP BY fr.household_id),
    kt AS (SELECT t.household_id, sum(t.amount_fen) FILTER (WHERE t.item <> 'nonCompulsoryCost') AS rigid_med,
        sum(t.amount_fen) FILTER (WHERE t.item = 'nonCompulsoryCost') AS rigid_edu, bool_or(t.last_on > ${w.to}::date) AS late
      FROM feed_year_total t WHERE t.county_code = ${c} AND t.year = ${Number(w.yearFrom.slice(0, 4))}::int
        AND t.item IN ('inpatientOutOfPocket', 'outpatientOutOfPocket', 'nonCompulsoryCost') GROUP BY t.household_id),
    kr AS (SELECT fr.household_id, sum(fr.amount_fen) FILTER (WHERE fr.item <> 'nonCompulsoryCost') AS rigid_med,
        sum(fr.amount_fen) FILTER (WHERE fr.item = 'nonCompulsoryCost') AS rigid_edu
      FROM feed_event fr WHERE fr.county_code = ${c} AND fr.household_id IN (SELECT household_id FROM kt WHERE late) AND fr.member_until IS NULL
        AND fr.item IN ('inpatientOutOfPocket', 'outpatientOutOfPocket', 'nonCompulsoryCost') AND fr.occurred_on BETWEEN ${w.yearFrom}::date AND ${w.to}::date
      GROUP BY fr.household_id),
    ma AS (SELECT m.household_id, array_agg(p.id) AS uninsured FROM membership m JOIN person p ON p.id = m.person_id AND p.county_code = m.county_code
      WHERE m.county_code = ${c} AND m.valid_to IS NULL AND NOT p.resident_medical_insurance AND NOT p.employee_medical_insurance GROUP BY m.household_id),
    inc AS (SELECT l.household_id, l.year, l.net_income AS net, ${pc('l.net_income', 'l.household_size', 'l.insurance_payout', 'l.eligible_out_of_pocket')} AS pc,
        ${pc('l.prev_net_income', 'l.prev_household_size', 'l.prev_insurance_payout', 'l.prev_eligible_out_of_pocket')} AS prev_pc
      FROM household_income_latest l WHERE l.county_code = ${c} AND l.year <= ${w.incomeYear}::int
      UNION ALL (SELECT DISTINCT ON (i.household_id) i.household_id, i.year, i.net_income, ${pc('i.net_income', 'i.household_size', 'i.insurance_payout', 'i.eligible_out_of_pocket')},
        ${pc('pi.net_income', 'pi.household_size', 'pi.insurance_payout', 'pi.eligible_out_of_pocket')}
      FROM household_income i LEFT JOIN household_income pi ON pi.county_code = i.county_code AND pi.household_id = i.household_id AND pi.year = i.year - 1
      WHERE i.county_code = ${c} AND i.year <= ${w.incomeYear}::int
        AND i.household_id = ANY(ARRAY(SELECT household_id FROM household_income_latest WHERE county_code = ${c} AND year > ${w.incomeYear}::int))
      ORDER BY i.household_id, i.year DESC)),
    x AS (SELECT h.id, h.county_code, h.village_code, h.kind, h.monitoring_status, h.housing_grade, h.housing_unsafe, h.water_safe, h.school_dropout, h.medical_uninsured,
        inc.year, inc.net, inc.pc, inc.prev_pc, fa.*, ma.uninsured AS mb_uninsured,
        CASE WHEN kt.late THEN kr.rigid_med ELSE kt.rigid_med END AS rigid_med, CASE WHEN kt.late THEN kr.rigid_edu ELSE kt.rigid_edu END AS rigid_edu,
        CASE WHEN h.kind = 'alleviated' THEN ${p('medical.alleviatedOutOfPocketFen')}::bigint ELSE ${p('medical.otherOutOfPocketFen')}::bigint END AS med_line
      FROM household h
      LEFT JOIN inc ON inc.household_id = h.id
      LEFT JOIN fa ON fa.household_id = h.id LEFT JOIN ma ON ma.household_id = h.id
      LEFT JOIN kt ON kt.household_id = h.id LEFT JOIN kr ON kr.household_id = h.id
      WHERE h.county_code = ${c} AND h.closed_on IS NULL)
    SELECT x.county_code, ${w.period}, 0, x.id, x.village_code, r.code, r.risk, r.evidence FROM x CROSS JOIN LATERAL (
      SELECT 'INCOME_BELOW_LINE', NULL, ${ev('INCOME_BELOW_LINE')} || jsonb_build_object('perCapitaFen', x.pc, 'incomeYear', x.year) WHERE x.monitoring_status <> 'monitored' AND x.pc <= ${p('monitoring.incomeLineFen')}::bigint
      UNION ALL SELECT 'INCOME_DROP', 'other', ${ev('INCOME_DROP')} || jsonb_build_object('perCapitaFen', x.pc, 'previousPerCapitaFen', x.prev_pc) WHERE x.prev_pc > 0 AND (x.prev_pc - x.pc)::numeric >= ${p('monitoring.incomeDropRatio')}::numeric * x.prev_pc
      UNION ALL SELECT 'MEDICAL_BURDEN', 'illness', ${ev('MEDICAL_BURDEN')} || jsonb_build_object('inpatientFen', ${maxPerPerson(sql`x.inpatient_pairs`)}, 'line', x.med_line)
        WHERE ${maxPerPerson(sql`x.inpatient_pairs`)} >= x.med_line OR x.outpatient >= ${p('medical.outpatientMonthlyFen')}::bigint OR (x.rigid_med > 0 AND ${rigidExceeds})
      UNION ALL SELECT 'EDUCATION_BURDEN', 'education', ${ev('EDUCATION_BURDEN')} || jsonb_build_object('costFen', ${maxPerPerson(sql`x.edu_pairs`)})
        WHERE ${maxPerPerson(sql`x.edu_pairs`)} > ${p('education.nonCompulsoryCostFen')}::bigint OR (x.rigid_edu > 0 AND ${rigidExceeds})
      UNION ALL SELECT 'DROPOUT', 'schoolDropout', ${ev('DROPOUT')} || jsonb_build_object('records', x.dropouts) WHERE x.school_dropout IS TRUE OR x.dropouts > 0
      UNION ALL SELECT 'HOUSING_UNSAFE', 'unsafeHousing', ${ev('HOUSING_UNSAFE')} || jsonb_build_object('grade', x.housing_grade, 'appraisal', x.appraisal)
        WHERE CASE WHEN x.appraisal IS NOT NULL THEN x.appraisal IN ('C', 'D') ELSE x.housing_grade IN ('C', 'D') OR x.housing_unsafe IS TRUE END
      UNION ALL SELECT 'WATER_UNSAFE', 'unsafeWater', ${ev('WATER_UNSAFE')} || jsonb_build_object('records', x.unsafe_water) WHERE x.water_safe IS FALSE OR x.unsafe_water > 0
      UNION ALL SELECT 'NO_MEDICAL_INSURANCE', 'noMedicalInsurance', ${ev('NO_MEDICAL_INSURANCE')} || jsonb_build_object('registry', to_jsonb(x.mb_uninsured), 'reported', to_jsonb(x.uninsured))
        WHERE x.medical_uninsured IS TRUE OR x.mb_uninsured IS NOT NULL OR x.uninsured IS NOT NULL
      UNION ALL SELECT 'NEW_DISABILITY', 'disability', ${ev('NEW_DISABILITY')} || jsonb_build_object('persons', x.disabled) WHERE x.disabled IS NOT NULL
      UNION ALL SELECT 'LABOURER_DEATH', 'lackOfLabour', ${ev('LABOURER_DEATH')} || jsonb_build_object('persons', x.deaths) WHERE x.deaths IS NOT NULL
      UNION ALL SELECT 'DISASTER', 'naturalDisaster', ${ev('DISASTER')} || jsonb_build_object('lossFen', x.loss) WHERE x.disasters > 0 AND x.loss >= ${p('disaster.lossFen')}::bigint
      UNION ALL SELECT 'UNEMPLOYMENT', 'unstableEmployment', ${ev('UNEMPLOYMENT')} || jsonb_build_object('gap', x.gap) WHERE x.unemployed IS NOT NULL OR x.gap >= ${p('hr.contributionGapMonths')}::int
      UNION ALL SELECT 'EXCLUSION_FLAG', NULL, ${ev('EXCLUSION_FLAG')} || jsonb_build_object('records', x.exclusion) WHERE x.exclusion IS NOT NULL
    ) r(code, risk, evidence)`);
}
