import { PARAM_DEFINITIONS } from '#common/domain/params/definitions.ts';
import { scopeChain } from '#common/domain/params/resolve.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { allParamVersions, type ParamVersionRow } from './params.repository.ts';
import { resolveAll, type ParamsDeps } from './params.shared.ts';

// Reading the parameters: each definition with its versions on the actor's county (all of them for the system), and
// the values in force in a month.

const toVersion = (r: ParamVersionRow) => ({
  id: r.id,
  scopeCode: r.scopeCode,
  year: r.year,
  effectiveFrom: r.effectiveFrom,
  value: r.value,
  source: r.source,
  note: r.note,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

export async function list(d: ParamsDeps, ctx: RequestContext) {
  requirePermission(ctx, 'params:read');
  const rows = await allParamVersions(d.db);
  const system = ctx.actor.scopePrefix === '';
  const chain = scopeChain(countyCodeOf(ctx.actor.orgCode));
  return PARAM_DEFINITIONS.map((def) => ({
    key: def.key,
    labelZh: def.labelZh,
    labelEn: def.labelEn,
    unit: def.unit,
    choices: def.choices ? [...def.choices] : null,
    yearly: def.yearly,
    versions: rows.filter((r) => r.key === def.key && (system || chain.includes(r.scopeCode))).map(toVersion),
  }));
}

export async function resolve(d: ParamsDeps, ctx: RequestContext, period: string) {
  requirePermission(ctx, 'params:read');
  return resolveAll(d.db, countyCodeOf(ctx.actor.orgCode), period);
}
