import { asc, sql } from 'drizzle-orm';
import { definitionOf, PARAM_DEFINITIONS, type ParamDefinition } from '../../../common/domain/params/definitions.ts';
import { resolveParam, scopeChain, type ParamRow, type Resolved } from '../../../common/domain/params/resolve.ts';
import type { Db } from '../../db/connect.ts';
import { policyParams } from '../../db/schema/params.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { countyCodeOf } from '../../../common/domain/org-code.ts';

export type ResolvedParams = Record<string, Resolved>;

/** Insert the documented defaults that are not there yet; runs on every start. */
export async function seedPolicyParams(db: Db): Promise<void> {
  const rows = PARAM_DEFINITIONS.flatMap((d) =>
    // The English source is stored; the Chinese one is read from the definitions (`paramSourceText`).
    d.seeds.map(({ sourceZh: _zh, ...s }) => ({ key: d.key, ...s, value: s.value, createdBy: '系统（政策默认值）' })),
  );
  await db.insert(policyParams).values(rows).onConflictDoNothing();
}

async function rowsFor(db: Db, countyCode: string): Promise<ParamRow[]> {
  const chain = scopeChain(countyCode);
  const rows = await db
    .select()
    .from(policyParams)
    .where(
      sql`${policyParams.scopeCode} IN (${sql.join(
        chain.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    )
    .orderBy(asc(policyParams.id));
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

function checkValue(def: ParamDefinition, value: unknown): void {
  const bad = (zh: string, en: string) => AppError.validation([{ field: 'value', messageZh: zh, messageEn: en }]);
  if (def.unit === 'choice') {
    if (!def.choices!.includes(String(value)))
      throw bad(`可选值：${def.choices!.join('、')}`, `One of ${def.choices!.join(', ')}`);
    return;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw bad('须为非负数', 'Must be a non-negative number');
  if (def.unit === 'ratio' && value > 1) throw bad('比例须在 0 到 1 之间', 'A ratio is between 0 and 1');
  if (def.unit !== 'ratio' && !Number.isInteger(value))
    throw bad('须为整数（金额以分计）', 'Must be a whole number (money in fen)');
}

export function createParamsService(db: Db) {
  async function list(ctx: RequestContext) {
    requirePermission(ctx, 'params:read');
    const rows = await db.select().from(policyParams).orderBy(asc(policyParams.key), asc(policyParams.effectiveFrom));
    const system = ctx.actor.scopePrefix === '';
    const chain = scopeChain(countyCodeOf(ctx.actor.orgCode));
    return PARAM_DEFINITIONS.map((d) => ({
      key: d.key,
      labelZh: d.labelZh,
      labelEn: d.labelEn,
      unit: d.unit,
      choices: d.choices ? [...d.choices] : null,
      yearly: d.yearly,
      versions: rows
        .filter((r) => r.key === d.key && (system || chain.includes(r.scopeCode)))
        .map((r) => ({
          id: r.id,
          scopeCode: r.scopeCode,
          year: r.year,
          effectiveFrom: r.effectiveFrom,
          value: r.value,
          source: r.source,
          note: r.note,
          createdBy: r.createdBy,
          createdAt: r.createdAt.toISOString(),
        })),
    }));
  }

  async function resolve(ctx: RequestContext, period: string) {
    requirePermission(ctx, 'params:read');
    return resolveAll(db, countyCodeOf(ctx.actor.orgCode), period);
  }

  /** A new version of a parameter for the actor's county; the old versions stay for earlier months. */
  async function set(
    ctx: RequestContext,
    input: {
      key: string;
      value: unknown;
      year?: number | null;
      effectiveFrom: string;
      note?: string;
      countyCode?: string;
    },
  ) {
    requirePermission(ctx, 'params:manage');
    const def = definitionOf(input.key);
    if (!def)
      throw AppError.validation([
        { field: 'key', messageZh: `未知参数 ${input.key}`, messageEn: `Unknown parameter ${input.key}` },
      ]);
    if (def.yearly && !input.year)
      throw AppError.validation([
        { field: 'year', messageZh: '该参数按年度设置，请填写年度', messageEn: 'This parameter is set per year' },
      ]);
    checkValue(def, input.value);
    // People set their own county's values; the CLI (system) names the county.
    const scopeCode = ctx.actor.scopePrefix === '' ? input.countyCode : countyCodeOf(ctx.actor.orgCode);
    if (!scopeCode)
      throw AppError.validation([
        { field: 'countyCode', messageZh: '请指定县级区划代码', messageEn: 'Name the county code' },
      ]);
    const row = {
      key: def.key,
      scopeCode,
      year: def.yearly ? (input.year ?? null) : null,
      effectiveFrom: input.effectiveFrom,
      value: input.value,
      source: `县级设置 / set by ${ctx.actor.displayName}`,
      note: input.note ?? null,
      createdBy: ctx.actor.displayName,
    };
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(policyParams)
        .values(row)
        .onConflictDoNothing()
        .returning({ id: policyParams.id });
      if (inserted.length === 0) {
        throw new AppError(
          'CONFLICT',
          { zh: '同一生效日期已有该参数的值，请换一个生效日期', en: 'A value already takes effect on that date' },
          [{ field: 'effectiveFrom', messageZh: '该日期已有设置', messageEn: 'Already set for this date' }],
        );
      }
      await recordAudit(tx, ctx, {
        action: 'set',
        entity: 'policy_param',
        entityId: def.key,
        orgCode: scopeCode,
        after: row,
      });
    });
    return list(ctx);
  }

  return { list, resolve, set };
}

export type ParamsService = ReturnType<typeof createParamsService>;
