import type { z } from 'zod';
import type { formQuery, saveFormRequest } from '#common/contracts/indicators.ts';
import { evaluate } from '#common/domain/indicators/expression.ts';
import { COMPARE, type DataElementDef, type DataSetDef } from '#common/domain/indicators/model.ts';
import { compiled } from '#common/domain/indicators/rollup.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { ORG_LEVEL_LABELS } from '#common/domain/roles.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import {
  approvalOf,
  bumpRollup,
  cellValue,
  deleteCell,
  insertValueAudit,
  shareKey,
  upsertCell,
  validationRulesOf,
  valueAuditOf,
  valuesOf,
  type ValidationRuleRow,
} from './indicators.repository.ts';
import { LOCKED, shareDefs, type ApprovalStatus, type ShareDef, type UseCaseDeps } from './indicators.shared.ts';
import { fieldError } from './indicators.text.ts';
import { periodBounds, type OrgTree } from './org-tree.ts';

// Data entry: the form of a data set for a unit and period (entry window, validation rules), saving it cell by cell
// with the audit trail and the roll-up, and a cell's history.

export interface Cell {
  element: string;
  org: string;
  period: string;
  value: number | null;
  comment?: string | null;
}

/** The rule checks of a data set on some values: each rule whose two sides have values and compare false. */
export function violationsOf(rules: ValidationRuleRow[], values: Map<string, number>) {
  const out = [];
  for (const r of rules) {
    const lookup = { element: (c: string) => values.get(c) ?? null };
    const left = evaluate(compiled(r.left), lookup);
    const right = evaluate(compiled(r.right), lookup);
    if (left === null || right === null) continue;
    if (!COMPARE[r.op as keyof typeof COMPARE](left, right))
      out.push({ rule: r.code, nameZh: r.nameZh, importance: r.importance, left, right });
  }
  return out;
}

/** A value of the element's type: whole numbers ≥ 0, 1/0 for yes/no, numbers not negative. */
export function checkValue(e: DataElementDef, value: number, field: string) {
  if (e.valueType === 'integer' && (!Number.isInteger(value) || value < 0))
    throw fieldError(field, `${e.nameZh}须为非负整数`, `${e.nameEn} must be a whole number ≥ 0`);
  if (e.valueType === 'boolean' && value !== 0 && value !== 1)
    throw fieldError(field, `${e.nameZh}填 1（是）或 0（否）`, `${e.nameEn}: 1 (yes) or 0 (no)`);
  if (e.valueType === 'number' && value < 0)
    throw fieldError(field, `${e.nameZh}不能为负数`, `${e.nameEn} cannot be negative`);
}

/** Share-of-units roll-ups of one written cell: units meeting the threshold, kept by delta like the sums. */
async function bumpShares(tx: Db, t: OrgTree, shares: ShareDef[], cell: Cell, old: number | null) {
  const ancestors = t.ancestors(cell.org);
  for (const d of shares) {
    if (d.element !== cell.element || t.get(cell.org)?.level !== d.level) continue;
    const meets = (v: number | null) => (v !== null && COMPARE[d.op](v, d.value) ? 1 : 0);
    const dCount = (cell.value === null ? 0 : 1) - (old === null ? 0 : 1);
    await bumpRollup(tx, ancestors, shareKey(d.code), cell.period, meets(cell.value) - meets(old), dCount);
  }
}

/** Write one cell: value row, its audit-trail row and the roll-up of every ancestor, in the caller's transaction. */
export async function writeCell(
  tx: Db,
  ctx: RequestContext,
  t: OrgTree,
  shares: ShareDef[],
  cell: Cell,
  action: 'create' | 'import' = 'create',
) {
  const old = await cellValue(tx, cell, true);
  if (old === cell.value) return 'unchanged' as const;
  if (cell.value === null) await deleteCell(tx, cell);
  else
    await upsertCell(tx, {
      element: cell.element,
      orgCode: cell.org,
      period: cell.period,
      value: cell.value,
      comment: cell.comment ?? null,
      storedBy: ctx.actor.displayName,
      updatedAt: new Date(),
    });
  await insertValueAudit(tx, {
    element: cell.element,
    orgCode: cell.org,
    period: cell.period,
    action: cell.value === null ? 'delete' : old === null ? action : action === 'import' ? 'import' : 'update',
    oldValue: old,
    newValue: cell.value,
    comment: cell.comment ?? null,
    actor: ctx.actor.displayName,
  });
  const dCount = (cell.value === null ? 0 : 1) - (old === null ? 0 : 1);
  await bumpRollup(tx, t.ancestors(cell.org), cell.element, cell.period, (cell.value ?? 0) - (old ?? 0), dCount);
  await bumpShares(tx, t, shares, cell, old);
  return old === null ? ('created' as const) : ('updated' as const);
}

export function createFormOps({ db, clock, loadDefs, tree }: UseCaseDeps) {
  /** Whether a unit may still enter a period: not before it starts, and within the data set's days after its end. */
  function entryWindow(
    ctx: RequestContext,
    ds: DataSetDef,
    period: string,
  ): { open: boolean; reasonZh: string | null } {
    const today = todayInChina(clock());
    const { start, end } = periodBounds(period);
    if (start > today) return { open: false, reasonZh: '期间尚未开始，不能填报' };
    if (ds.openDays === null || ctx.actor.role === 'countyAdmin') return { open: true, reasonZh: null };
    const close = new Date(Date.parse(`${end}T00:00:00Z`) + ds.openDays * 86_400_000).toISOString().slice(0, 10);
    return today > close
      ? { open: false, reasonZh: `填报期已于 ${close} 截止（期末后 ${ds.openDays} 天），请联系县级管理员` }
      : { open: true, reasonZh: null };
  }

  /** The data set, unit and tree of a form request, refused when the period type, unit or level does not fit. */
  async function resolveForm(ctx: RequestContext, q: { dataSet: string; org: string; period: string }) {
    requireInScope(ctx, q.org);
    const defs = await loadDefs();
    const ds = defs.dataSets.find((d) => d.code === q.dataSet);
    if (!ds) throw AppError.notFound({ zh: '数据集', en: 'Data set' });
    if ((ds.periodType === 'yearly') !== (q.period.length === 4))
      throw fieldError(
        'period',
        ds.periodType === 'yearly' ? '该数据集按年填报（YYYY）' : '该数据集按月填报（YYYY-MM）',
        `This data set is ${ds.periodType}`,
      );
    const t = await tree(countyCodeOf(q.org));
    const org = t.get(q.org);
    if (!org) throw AppError.notFound({ zh: '机构', en: 'Org unit' });
    if (!t.validIn(q.org, q.period))
      throw fieldError(
        'period',
        `${org.name}在该期间不存在（${org.validFrom} 至 ${org.validTo ?? '今'}）`,
        'The unit did not exist in that period',
      );
    if (org.level !== ds.entryLevel)
      throw fieldError(
        'org',
        `该数据集由${ORG_LEVEL_LABELS[ds.entryLevel].zh}填报`,
        `This data set is entered at ${ds.entryLevel} level`,
      );
    return { defs, ds, org, tree: t };
  }

  async function form(ctx: RequestContext, q: z.infer<typeof formQuery>) {
    requirePermission(ctx, 'indicators:read');
    const { defs, ds, org } = await resolveForm(ctx, q);
    const values = await valuesOf(db, q.org, q.period, ds.elements);
    const approval = await approvalOf(db, ds.code, q.org, q.period);
    const rules = await validationRulesOf(db, ds.code);
    const status = (approval?.status ?? 'open') as ApprovalStatus;
    const window = entryWindow(ctx, ds, q.period);
    const byEl = new Map(values.map((v) => [v.element, v]));
    return {
      dataSet: ds,
      org: { code: org.code, name: org.name, level: org.level },
      period: q.period,
      status,
      locked: LOCKED.includes(status),
      open: window.open,
      closedReasonZh: window.reasonZh,
      history: approval?.history ?? [],
      values: ds.elements.map((code) => {
        const e = defs.elements.get(code)!;
        const v = byEl.get(code);
        return {
          element: { ...e, computed: e.computed ?? null, unitZh: e.unitZh ?? '' },
          value: v?.value ?? null,
          comment: v?.comment ?? null,
          storedBy: v?.storedBy ?? null,
          updatedAt: v?.updatedAt ?? null,
        };
      }),
      violations: violationsOf(rules, new Map(values.map((v) => [v.element, v.value]))),
    };
  }

  async function saveForm(ctx: RequestContext, input: z.infer<typeof saveFormRequest>) {
    requirePermission(ctx, 'indicators:enter');
    const { defs, ds, tree: t } = await resolveForm(ctx, input);
    const window = entryWindow(ctx, ds, input.period);
    if (!window.open) throw new AppError('CONFLICT', { zh: window.reasonZh!, en: 'Entry is closed for this period' });
    input.values.forEach((v, k) => {
      const e = defs.elements.get(v.element);
      if (!e || !ds.elements.includes(v.element))
        throw fieldError(`values.${k}.element`, `${v.element} 不属于该数据集`, `${v.element} is not in this data set`);
      if (e.computed)
        throw fieldError(`values.${k}.value`, `${e.nameZh}由系统计算，不能填报`, `${e.nameEn} is computed`);
      if (v.value !== null) checkValue(e, v.value, `values.${k}.value`);
    });
    await db.transaction(async (tx) => {
      const approval = await approvalOf(tx, ds.code, input.org, input.period, true);
      if (approval && LOCKED.includes(approval.status as ApprovalStatus))
        throw new AppError('CONFLICT', {
          zh: '数据已审核锁定，需上级退回后才能修改',
          en: 'Approved values are locked; ask the approver to return them',
        });
      const changed: Record<string, unknown> = {};
      for (const v of input.values) {
        const cell = { element: v.element, org: input.org, period: input.period, value: v.value, comment: v.comment };
        if ((await writeCell(tx, ctx, t, shareDefs(defs), cell)) !== 'unchanged') changed[v.element] = v.value;
      }
      if (Object.keys(changed).length)
        await recordAudit(tx, ctx, {
          action: 'enter',
          entity: 'indicator_value',
          entityId: `${ds.code}/${input.period}`,
          orgCode: input.org,
          after: changed,
        });
    });
    return form(ctx, input);
  }

  async function valueAudit(ctx: RequestContext, q: { element: string; org: string; period: string }) {
    requirePermission(ctx, 'indicators:read');
    requireInScope(ctx, q.org);
    return valueAuditOf(db, q);
  }

  return { entryWindow, resolveForm, form, saveForm, valueAudit };
}

export type FormOps = ReturnType<typeof createFormOps>;
