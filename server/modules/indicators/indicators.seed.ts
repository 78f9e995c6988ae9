import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '#server/db/connect.ts';
import {
  indicatorDataSets,
  indicatorDefs,
  indicatorElements,
  indicatorOrgGroups,
  indicatorTargets,
  indicatorValidationRules,
  indicatorValues,
} from '#server/db/schema/indicators.ts';
import {
  SEED_DATA_SETS,
  SEED_ELEMENTS,
  SEED_INDICATORS,
  SEED_VALIDATION_RULES,
} from '#common/domain/indicators/catalogue.ts';
import { SEED_TARGETS } from '#common/domain/indicators/seed-targets.ts';
import type { TargetScope } from '#common/domain/indicators/model.ts';
import { rebuildRollup } from './indicators.repository.ts';
import { addMonths } from '#common/domain/period.ts';

export const scopeColumns = (s: TargetScope) => ({
  scopeKind: s.kind,
  scopeCode: s.kind === 'unit' ? s.code : s.kind === 'level' ? s.level : s.group,
});

/** The catalogue and the seed document's targets; inserted when missing on every start (edits are kept). */
export async function seedIndicatorMetadata(db: Db): Promise<void> {
  await db
    .insert(indicatorElements)
    .values(SEED_ELEMENTS.map((e) => ({ ...e, computed: e.computed ?? null, unitZh: e.unitZh ?? '' })))
    .onConflictDoNothing();
  await db.insert(indicatorDataSets).values(SEED_DATA_SETS).onConflictDoNothing();
  await db
    .insert(indicatorDefs)
    .values(
      SEED_INDICATORS.map((i) => ({
        ...i,
        unitLevel: i.unitLevel ?? null,
        threshold: i.threshold ?? null,
        descriptionZh: i.descriptionZh ?? null,
      })),
    )
    .onConflictDoNothing();
  await db.insert(indicatorValidationRules).values(SEED_VALIDATION_RULES).onConflictDoNothing();
  // Seed targets nobody edited (still created by the system) follow the code: corrected citations, sentences, paths.
  for (const t of SEED_TARGETS) {
    const fields = {
      toYear: t.toYear,
      op: t.op,
      value: t.value,
      upper: t.upper ?? null,
      band: t.band,
      baselineYear: t.baselineYear ?? null,
      reference: t.reference ?? null,
      path: t.path ?? 'constant',
      pathFromYear: t.pathFromYear ?? null,
      pathFromValue: t.pathFromValue ?? null,
      sourceDoc: t.sourceDoc,
      sourceText: t.sourceText,
      note: t.note ?? null,
    };
    await db
      .insert(indicatorTargets)
      .values({
        indicator: t.indicator,
        ...scopeColumns(t.scope),
        fromYear: t.fromYear,
        ...fields,
        createdBy: SEED_TARGET_AUTHOR,
      })
      .onConflictDoUpdate({
        target: [
          indicatorTargets.indicator,
          indicatorTargets.scopeKind,
          indicatorTargets.scopeCode,
          indicatorTargets.fromYear,
        ],
        set: fields,
        setWhere: sql`${indicatorTargets.createdBy} = ${SEED_TARGET_AUTHOR}`,
      });
  }
}

const SEED_TARGET_AUTHOR = '系统（文件目标）';

/**
 * Demo groups (synthetic villages, deterministic): every third current village is a 脱贫村, every fifth from the second
 * a 重点行政村 (the 5G target's list); every seventh a 重点帮扶村 only while the county has none — a key-village decision
 * (key-villages module) replaces that group, and the demo's own decision does so when households are loaded.
 */
export async function seedDemoGroups(db: Db, countyCode: string): Promise<void> {
  const villages = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM org_unit WHERE county_code = ${countyCode} AND level = 'village' AND valid_to IS NULL ORDER BY code`,
  );
  const [{ n: keyMembers }] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM indicator_org_group WHERE group_code = 'KEY_VILLAGE' AND org_code LIKE ${countyCode.slice(0, 6) + '%'}`,
  );
  const rows = villages.flatMap((v, i) => [
    ...(i % 3 === 0 ? [{ groupCode: 'ALLEVIATED_VILLAGE', orgCode: v.code }] : []),
    ...(i % 7 === 0 && keyMembers === 0 ? [{ groupCode: 'KEY_VILLAGE', orgCode: v.code }] : []),
    ...(i % 5 === 1 ? [{ groupCode: 'KEY_ADMIN_VILLAGE', orgCode: v.code }] : []),
  ]);
  if (rows.length) await db.insert(indicatorOrgGroups).values(rows).onConflictDoNothing();
}

/**
 * A small deterministic set of demo values so the cockpit shows something: every current village, the twelve months
 * up to `lastMonth` and December 2020 (the sewage baseline), plus the county's yearly report
 * (消费帮扶 outlets are not typed: the ledger's demo outlets are counted). Written in bulk, then
 * the roll-up is rebuilt in one statement.
 */
export async function loadDemoIndicatorValues(db: Db, countyCode: string, lastMonth: string): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM indicator_value WHERE org_code LIKE ${countyCode.slice(0, 6) + '%'}`,
  );
  if (n > 0) return 0;
  await seedDemoGroups(db, countyCode);
  const villages = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM org_unit WHERE county_code = ${countyCode} AND level = 'village' AND valid_to IS NULL ORDER BY code`,
  );
  const months = ['2020-12', ...Array.from({ length: 12 }, (_, k) => addMonths(lastMonth, k - 11))];
  const rows: { element: string; orgCode: string; period: string; value: number; storedBy: string }[] = [];
  villages.forEach((v, i) => {
    const pop = 400 + ((i * 137) % 900);
    const hh = Math.round(pop / 2.6);
    const nv = 2 + (i % 4);
    months.forEach((m, k) => {
      // 东庄村 (the demo village officer's) leaves the latest month open for the entry journey.
      if (v.code === '140521100201' && m === lastMonth) return;
      const progress = m === '2020-12' ? -6 : k;
      const pct = (base: number) => Math.min(1, base + progress * 0.004 + ((i * 7) % 10) / 100);
      const put = (element: string, value: number) =>
        rows.push({ element, orgCode: v.code, period: m, value, storedBy: '演示数据' });
      put('RURAL_POP', pop);
      put('WATER_CENTRAL_POP', Math.round(pop * pct(0.9)));
      put('TAP_WATER_POP', Math.round(pop * pct(0.86)));
      put('RURAL_HH', hh);
      put('SANITARY_TOILET_HH', Math.round(hh * pct(0.55)));
      put('SEWAGE_TREATED_HH', Math.round(hh * pct(0.3)));
      put('NATURAL_VILLAGES', nv);
      put('GARBAGE_COVERED_NV', Math.min(nv, Math.round(nv * pct(0.85))));
      put('HAS_4G', i % 23 === 5 && k < 6 ? 0 : 1);
      put('HAS_5G', i % 3 === 0 ? 1 : 0);
    });
  });
  const year = lastMonth.slice(0, 4);
  const county = (element: string, value: number) =>
    rows.push({ element, orgCode: countyCode, period: year, value, storedBy: '演示数据' });
  county('LAND_QUOTA_MU', 1200);
  county('LAND_RURAL_INDUSTRY_MU', 130);
  county('FARMER_INCOME_GROWTH', 8.6);
  county('CITY_FARMER_INCOME_GROWTH', 8.2);
  county('POVERTY_ASSETS', 126);
  county('POVERTY_ASSETS_LEDGERED', 126);
  county('LABOUR_BRANDS', 0);
  county('SPATIAL_PLAN_DONE', 1);
  // 消费帮扶专馆/专区/专柜 are counted from the consumer-assistance ledger's demo outlets (no typed values).
  villages.forEach((v, i) => {
    if (i % 5 !== 0) return; // relocation households live in some villages only
    const put = (element: string, value: number) =>
      rows.push({ element, orgCode: v.code, period: year, value, storedBy: '演示数据' });
    const hh = 4 + (i % 9);
    put('RELOCATED_LABOUR_HH', hh);
    put('RELOCATED_EMPLOYED_HH', i % 35 === 0 ? hh - 1 : hh);
    put('KEY_GROUP_POP', 20 + (i % 17));
    put('KEY_GROUP_SUPP_PENSION', 20 + (i % 17));
  });
  for (let k = 0; k < rows.length; k += 2000)
    await db
      .insert(indicatorValues)
      .values(rows.slice(k, k + 2000))
      .onConflictDoNothing();
  await rebuildRollup(db, countyCode);
  return rows.length;
}
