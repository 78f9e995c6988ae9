import type { z } from 'zod';
import type { SheetRow, decisionListQuery, sheetExportQuery, sheetListQuery } from '#common/contracts/key-villages.ts';
import { FACTORS, decisionInForce, scoreVillages, weightKey, type Factor } from '#common/domain/key-villages/rules.ts';
import { levelOfCode, orgFilterPrefix } from '#common/domain/org-code.ts';
import { NOT_FOUND } from '#common/domain/params/param-seed.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { collectiveIncomeByVillage } from '../collective-economy/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { alleviatedPeopleByVillage } from '../registry/index.ts';
import * as repo from './key-villages.repository.ts';

// What the 重点帮扶村 use cases share (key-villages.scores.ts, .decisions.ts, .ledger.ts): the deps, the county's
// sheet of a year (facts, weights, scores, ranks, what the decision in force names), the rows a list selects.

export interface KeyVillagesDeps {
  db: Db;
}

export type ListQuery = z.infer<typeof sheetListQuery>;
export type ExportQuery = z.infer<typeof sheetExportQuery>;
export type DecisionListQuery = z.infer<typeof decisionListQuery>;

export const VILLAGE = { zh: '行政村', en: 'Village' };
export const DECISION = { zh: '认定记录', en: 'Decision' };
export const HAND = ['location', 'publicService', 'infrastructure', 'resources'] as const;
export const iso = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v.toISOString() : String(v));
export const fieldError = (field: string, messageZh: string, messageEn: string) =>
  AppError.validation([{ field, messageZh, messageEn }]);

/** The county (not a township, not a village) decides and scores. */
export function requireCounty(ctx: RequestContext) {
  requirePermission(ctx, 'programmes:write');
  if (ctx.actor.scopePrefix !== '' && levelOfCode(ctx.actor.orgCode) !== 'county') throw AppError.forbidden();
}

async function weightsOf(db: Db, county: string, year: number) {
  const params = await resolveAll(db, county, `${year}-12`);
  const weights = Object.fromEntries(FACTORS.map((f) => [f.code, numberParam(params, weightKey(f.code))])) as Record<
    Factor,
    number
  >;
  const rows = FACTORS.map((f) => ({
    factor: f.code,
    weight: weights[f.code],
    notFound: (params[weightKey(f.code)]?.source ?? '').startsWith(NOT_FOUND),
  }));
  return { weights, rows };
}

/** The county's decisions, newest first, and the one in force. */
export async function decisionsWithForce(db: Db, county: string) {
  const all = await repo.decisionsOf(db, county);
  const inForce = decisionInForce(all.map((d) => ({ ...d, decidedOn: d.decided_on })));
  return { all, inForce };
}

type Villages = Awaited<ReturnType<typeof repo.countyVillages>>;
type HandScores = Map<string, Awaited<ReturnType<typeof repo.scoresOf>>[number]>;

/** Each village's facts: 脱贫人口, the year's collective income, the county's hand scores. */
function factsOf(villages: Villages, people: Map<string, number>, income: Map<string, number>, hand: HandScores) {
  return villages.map((v) => {
    const h = hand.get(v.code);
    return {
      orgCode: v.code,
      alleviatedPopulation: people.get(v.code) ?? 0,
      collectiveIncome: income.get(v.code) ?? null,
      location: h?.location ?? null,
      publicService: h?.publicService ?? null,
      infrastructure: h?.infrastructure ?? null,
      resources: h?.resources ?? null,
    };
  });
}

/** What the decision in force names each village (重点帮扶村 or 示范村). */
async function decidedKinds(db: Db, inForce: { id: number } | null | undefined) {
  const decided = new Map<string, 'key' | 'demo'>();
  if (inForce) for (const v of await repo.decisionVillages(db, inForce.id, '')) decided.set(v.org_code, v.kind);
  return decided;
}

/** Every village of the county scored and ranked for the year, and what the decision in force names each. */
export async function countySheet(db: Db, county: string, year: number) {
  const prefix = county.slice(0, 6);
  const [villages, people, income, scores, w, decisions] = await Promise.all([
    repo.countyVillages(db, county, year),
    alleviatedPeopleByVillage(db, prefix),
    collectiveIncomeByVillage(db, prefix, year),
    repo.scoresOf(db, county, year),
    weightsOf(db, county, year),
    decisionsWithForce(db, county),
  ]);
  const hand: HandScores = new Map(scores.map((s) => [s.orgCode, s]));
  const facts = factsOf(villages, people, income, hand);
  const scored = scoreVillages(facts, w.weights);
  const decided = await decidedKinds(db, decisions.inForce);
  const rows: SheetRow[] = villages.map((v, i) => {
    const h = hand.get(v.code);
    const { orgCode: _, ...f } = facts[i];
    return {
      orgCode: v.code,
      villageName: v.name,
      townshipName: v.township_name,
      year,
      facts: f,
      needs: scored[i].needs,
      score: scored[i].score,
      rank: scored[i].rank,
      missing: scored[i].missing,
      decided: decided.get(v.code) ?? null,
      note: h?.note ?? null,
      scoredAt: h ? iso(h.updatedAt) : null,
    };
  });
  return { rows, weights: w, inForce: decisions.inForce };
}

/** The rows a list or its export shows: the actor's scope, the filters, the order asked. */
export function select(
  ctx: RequestContext,
  rows: SheetRow[],
  q: ExportQuery & Partial<Pick<ListQuery, 'sort' | 'order'>>,
) {
  const orgPrefix = orgFilterPrefix(q.orgCode);
  const complete = (r: SheetRow) => HAND.every((f) => r.facts[f] !== null);
  const picked = rows.filter(
    (r) =>
      r.orgCode.startsWith(ctx.actor.scopePrefix) &&
      (!orgPrefix || r.orgCode.startsWith(orgPrefix)) &&
      (!q.q || r.villageName.includes(q.q)) &&
      (q.status === undefined ||
        (q.status === 'scored' && complete(r)) ||
        (q.status === 'unscored' && !complete(r)) ||
        (q.status === 'key' && r.decided === 'key') ||
        (q.status === 'demo' && r.decided === 'demo')),
  );
  const sort = q.sort ?? 'rank';
  const dir = q.order === 'desc' ? -1 : 1;
  const key = (r: SheetRow) => (sort === 'orgCode' ? r.orgCode : sort === 'score' ? r.score : r.rank);
  return picked.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return a.orgCode < b.orgCode ? -1 : 1;
    if (x === null) return 1; // no score: last either way
    if (y === null) return -1;
    return (x < y ? -1 : 1) * dir;
  });
}
