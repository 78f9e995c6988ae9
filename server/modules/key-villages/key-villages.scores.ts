import type { HandScoresInput } from '#common/contracts/key-villages.ts';
import { handScoreErrors } from '#common/domain/key-villages/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './key-villages.repository.ts';
import {
  countySheet,
  fieldError,
  requireCounty,
  select,
  VILLAGE,
  type KeyVillagesDeps,
  type ListQuery,
} from './key-villages.shared.ts';

// The scoring sheet of a year (评分排序) and the county's hand scores of a village.

export async function list({ db }: KeyVillagesDeps, ctx: RequestContext, q: ListQuery) {
  requirePermission(ctx, 'programmes:read');
  const county = countyOfActor(ctx);
  const sheet = await countySheet(db, county, q.year);
  const rows = select(ctx, sheet.rows, q);
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  return {
    items: rows.slice(w.offset, w.offset + w.pageSize),
    total: rows.length,
    page: w.page ?? 1,
    pageSize: w.pageSize,
    year: q.year,
    weights: sheet.weights.rows,
    countyVillages: sheet.rows.length,
    inForce: sheet.inForce
      ? {
          id: sheet.inForce.id,
          year: sheet.inForce.year,
          docNo: sheet.inForce.doc_no,
          decidedOn: sheet.inForce.decided_on,
        }
      : null,
  };
}

async function requireVillage({ db }: KeyVillagesDeps, ctx: RequestContext, orgCode: string) {
  const unit = await repo.findUnit(db, ctx.actor.scopePrefix, orgCode);
  if (!unit) throw AppError.notFound(VILLAGE);
  if (unit.level !== 'village') throw fieldError('orgCode', '请选择行政村', 'Choose a village');
  return unit;
}

/** Audit field names of the hand scores (the audit page labels them; 'location' there is an outlet's 地点). */
const auditScores = (
  year: number,
  v: Pick<HandScoresInput, 'location' | 'publicService' | 'infrastructure' | 'resources'> & { note?: string | null },
) => ({
  year,
  locationScore: v.location,
  publicServiceScore: v.publicService,
  infrastructureScore: v.infrastructure,
  resourcesScore: v.resources,
  note: v.note ?? null,
});

/** The county's hand scores of a village for a year (区位条件, 公共服务, 基础设施, 资源禀赋): saved, audited. */
export async function saveScores(
  d: KeyVillagesDeps,
  ctx: RequestContext,
  orgCode: string,
  year: number,
  input: HandScoresInput,
) {
  requireCounty(ctx);
  requireInScope(ctx, orgCode);
  const village = await requireVillage(d, ctx, orgCode);
  const errors = handScoreErrors(input);
  if (year > Number(todayInChina().slice(0, 4)) + 1)
    errors.push({ field: 'year', messageZh: '年度至多为明年', messageEn: 'the year can be next year at the latest' });
  if (errors.length) throw AppError.validation(errors);
  await d.db.transaction(async (tx) => {
    const before = await repo.scoreOf(tx, orgCode, year);
    const values = {
      location: input.location,
      publicService: input.publicService,
      infrastructure: input.infrastructure,
      resources: input.resources,
      note: input.note ?? null,
    };
    const id = await repo.upsertScore(tx, {
      countyCode: village.county_code,
      orgCode,
      year,
      ...values,
      updatedBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: before ? 'update' : 'create',
      entity: 'key_village_score',
      entityId: id,
      orgCode,
      before: before ? auditScores(year, before) : null,
      after: auditScores(year, values),
    });
  });
  const sheet = await countySheet(d.db, village.county_code, year);
  return sheet.rows.find((r) => r.orgCode === orgCode)!;
}
