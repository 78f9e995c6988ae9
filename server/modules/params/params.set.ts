import { definitionOf, type ParamDefinition } from '#common/domain/params/definitions.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { list } from './params.list.ts';
import { insertParamVersion } from './params.repository.ts';
import type { ParamsDeps } from './params.shared.ts';

// Setting a parameter: a new version for the actor's county (the CLI names the county); earlier versions stay for
// the months before it takes effect.

type SetInput = {
  key: string;
  value: unknown;
  year?: number | null;
  effectiveFrom: string;
  note?: string;
  countyCode?: string;
};

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

/** The definition of a known key, with a year when it is set per year and a valid value. */
function checkedDefinition(input: SetInput): ParamDefinition {
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
  return def;
}

/** People set their own county's values; the CLI (system) names the county. */
function scopeCodeOf(ctx: RequestContext, input: SetInput): string {
  const scopeCode = ctx.actor.scopePrefix === '' ? input.countyCode : countyCodeOf(ctx.actor.orgCode);
  if (!scopeCode)
    throw AppError.validation([
      { field: 'countyCode', messageZh: '请指定县级区划代码', messageEn: 'Name the county code' },
    ]);
  return scopeCode;
}

/** A new version of a parameter for the actor's county; the old versions stay for earlier months. */
export async function set(d: ParamsDeps, ctx: RequestContext, input: SetInput) {
  requirePermission(ctx, 'params:manage');
  const def = checkedDefinition(input);
  const scopeCode = scopeCodeOf(ctx, input);
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
  await d.db.transaction(async (tx) => {
    if (!(await insertParamVersion(tx, row))) {
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
  return list(d, ctx);
}
