import { PARAM_DEFINITIONS } from '#common/domain/params/definitions.ts';
import { resolveParam, scopeChain, type ParamRow, type Resolved } from '#common/domain/params/resolve.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { insertMissingParams, paramVersionsOn } from './params.repository.ts';

// What the policy-parameter use cases (params.list.ts, params.set.ts) and every rule that reads a parameter share:
// the deps, the seeding of the documented defaults, the values in force for a county in a month.

export interface ParamsDeps {
  db: Db;
}

export type ResolvedParams = Record<string, Resolved>;

/** Insert the documented defaults that are not there yet; runs on every start. */
export async function seedPolicyParams(db: Db): Promise<void> {
  const rows = PARAM_DEFINITIONS.flatMap((d) =>
    // The English source is stored; the Chinese one is read from the definitions (`paramSourceText`).
    d.seeds.map(({ sourceZh: _zh, ...s }) => ({ key: d.key, ...s, value: s.value, createdBy: '系统（政策默认值）' })),
  );
  await insertMissingParams(db, rows);
}

async function rowsFor(db: Db, countyCode: string): Promise<ParamRow[]> {
  const rows = await paramVersionsOn(db, scopeChain(countyCode));
  return rows.map((r) => ({
    key: r.key,
    scopeCode: r.scopeCode,
    year: r.year,
    effectiveFrom: r.effectiveFrom,
    value: r.value,
    source: r.source,
  }));
}

/** Every parameter as in force for a county in a month, so re-running an old month uses that month's values. */
export async function resolveAll(db: Db, countyCode: string, period: string): Promise<ResolvedParams> {
  const rows = await rowsFor(db, countyCode);
  const out: ResolvedParams = {};
  for (const d of PARAM_DEFINITIONS) {
    const r = resolveParam(d, rows, countyCode, period);
    if (r) out[d.key] = r;
  }
  return out;
}

export function numberParam(params: ResolvedParams, key: string): number {
  const r = params[key];
  if (!r || typeof r.value !== 'number')
    throw new AppError('CONFLICT', { zh: `缺少政策参数 ${key}`, en: `Policy parameter ${key} is not set` });
  return r.value;
}
