import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows, type Db } from '../../db/connect.ts';
import {
  indicatorApprovals,
  indicatorDataSets,
  indicatorDefs,
  indicatorElements,
  indicatorTargets,
  indicatorValidationRules,
  indicatorValueAudit,
  indicatorValues,
} from '../../db/schema/indicators.ts';
import { AppError } from '../../lib/app-error.ts';
import { countyOfActor } from '../../lib/county.ts';
import { todayInChina, systemClock, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { fundChecks } from '../funds/index.ts';
import type { TargetStatus } from '../../../common/domain/indicators/model.ts';
import {
  bandOfGrade,
  defaultWorkflowFigures,
  schemeScores,
  scoringDates,
  type WorkflowFigures,
} from './assessment.scores.ts';
import { applyFundCheckStatus, FUND_CHECK_OF, FUND_SHARE_DECIMALS } from './fund-status.ts';
import type {
  approvalAction,
  cockpitQuery,
  formQuery,
  importRequest,
  saveFormRequest,
} from '../../../common/contracts/indicators.ts';
import { evaluate, referencedCodes } from '../../../common/domain/indicators/expression.ts';
import {
  COMPARE,
  type DataElementDef,
  type DataSetDef,
  type IndicatorDef,
} from '../../../common/domain/indicators/model.ts';
import { compiled } from '../../../common/domain/indicators/rollup.ts';
import { countyCodeOf } from '../../../common/domain/org-code.ts';
import { ORG_LEVEL_LABELS } from '../../../common/domain/roles.ts';
import { createIndicatorEngine, registryProvider, type ComputedProvider, type EvalDefs } from './indicators.engine.ts';
import {
  approvalOf,
  approvalsUnder,
  bumpRollup,
  orgUnitsOfCounty,
  shareKey,
  valueCountsUnder,
  valuesOf,
} from './indicators.repository.ts';
import { OrgTree, periodBounds } from './org-tree.ts';
import { createDefinitionOps } from './indicators.definitions.ts';
import { fieldError, scopeLabel, targetText, toTarget } from './indicators.text.ts';

type ApprovalStatus = 'open' | 'submitted' | 'approvedTownship' | 'approvedCounty';
const LOCKED: ApprovalStatus[] = ['approvedTownship', 'approvedCounty'];

/** Fund shares and their yearly minimums from the funds module's `fundChecks` (one rule for both): yearly, at the county. */
export const fundsProvider: ComputedProvider = async (db, countyCode, periods) => {
  const out = [];
  for (const p of new Set(periods.filter((x) => x.length === 4))) {
    const r = await fundChecks(db, countyCode, Number(p)).catch(() => null);
    if (!r) continue;
    for (const c of r.checks) {
      // The minimum shares are the checks' own thresholds: the cockpit's fund targets compare with these.
      if (c.key === 'industryShare')
        out.push(
          { orgCode: countyCode, element: 'funds.industryPart', period: p, value: c.partFen },
          { orgCode: countyCode, element: 'funds.industryWhole', period: p, value: c.wholeFen },
          { orgCode: countyCode, element: 'funds.industryMinimum', period: p, value: c.threshold * 100 },
        );
      if (c.key === 'workForReliefLabour')
        out.push(
          { orgCode: countyCode, element: 'funds.labourPart', period: p, value: c.partFen },
          { orgCode: countyCode, element: 'funds.labourWhole', period: p, value: c.wholeFen },
          { orgCode: countyCode, element: 'funds.labourMinimum', period: p, value: c.threshold * 100 },
        );
    }
  }
  // No allocation yet: no data rather than 0 %.
  return out.filter((l) => !(l.element.endsWith('Whole') && l.value === 0));
};

interface ShareDef {
  code: string;
  element: string;
  level: string;
  op: keyof typeof COMPARE;
  value: number;
}
function shareDefs(defs: EvalDefs): ShareDef[] {
  return [...defs.indicators.values()].flatMap((i) =>
    i.mode === 'shareMeeting' && i.threshold && i.unitLevel
      ? [
          {
            code: i.code,
            element: referencedCodes(compiled(i.numerator), 'element')[0],
            level: i.unitLevel,
            op: (i.threshold.op === 'between' ? '>=' : i.threshold.op) as keyof typeof COMPARE,
            value: i.threshold.value,
          },
        ]
      : [],
  );
}

export interface IndicatorsDeps {
  db: Db;
  clock?: Clock;
  computed?: Record<string, ComputedProvider>;
  /** Workflow figures of the township score (the assessment's; tests inject their own). */
  workflow?: WorkflowFigures;
}

export function createIndicatorsService(deps: IndicatorsDeps) {
  const { db } = deps;
  const clock = deps.clock ?? systemClock;
  const engine = createIndicatorEngine(db, deps.computed ?? { registry: registryProvider, funds: fundsProvider });
  const countyOf = countyOfActor;
  /** The unit an actor's pages open on: their own, or the county for system work. */
  const homeUnit = (ctx: RequestContext) => (ctx.actor.scopePrefix === '' ? countyOfActor(ctx) : ctx.actor.orgCode);
  const currentMonth = () => todayInChina(clock()).slice(0, 7);

  async function loadDefs(): Promise<EvalDefs & { dataSets: DataSetDef[] }> {
    const [els, inds, tgs, sets] = await Promise.all([
      db.select().from(indicatorElements),
      db.select().from(indicatorDefs).orderBy(asc(indicatorDefs.code)),
      db.select().from(indicatorTargets).orderBy(asc(indicatorTargets.id)),
      db.select().from(indicatorDataSets).orderBy(asc(indicatorDataSets.code)),
    ]);
    const order = new Map(
      (await import('../../../common/domain/indicators/catalogue.ts')).SEED_INDICATORS.map((i, k) => [i.code, k]),
    );
    inds.sort((a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999));
    return {
      elements: new Map(els.map((e) => [e.code, { ...e, computed: e.computed ?? undefined } as DataElementDef])),
      indicators: new Map(inds.map((i) => [i.code, i as unknown as IndicatorDef])),
      targets: tgs.map(toTarget),
      dataSets: sets as DataSetDef[],
    };
  }

  async function tree(countyCode: string) {
    return new OrgTree(await orgUnitsOfCounty(db, countyCode));
  }

  const { definitions, saveIndicator, listTargets, saveTarget, deleteTarget } = createDefinitionOps({
    db,
    loadDefs,
    tree,
    countyOf,
  });

  // ---------------------------------------------------------------- data entry
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

  function violationsOf(rules: (typeof indicatorValidationRules.$inferSelect)[], values: Map<string, number>) {
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

  async function form(ctx: RequestContext, q: z.infer<typeof formQuery>) {
    requirePermission(ctx, 'indicators:read');
    const { defs, ds, org } = await resolveForm(ctx, q);
    const values = await valuesOf(db, q.org, q.period, ds.elements);
    const approval = await approvalOf(db, ds.code, q.org, q.period);
    const rules = await db.select().from(indicatorValidationRules).where(eq(indicatorValidationRules.dataSet, ds.code));
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

  function checkValue(e: DataElementDef, value: number, field: string) {
    if (e.valueType === 'integer' && (!Number.isInteger(value) || value < 0))
      throw fieldError(field, `${e.nameZh}须为非负整数`, `${e.nameEn} must be a whole number ≥ 0`);
    if (e.valueType === 'boolean' && value !== 0 && value !== 1)
      throw fieldError(field, `${e.nameZh}填 1（是）或 0（否）`, `${e.nameEn}: 1 (yes) or 0 (no)`);
    if (e.valueType === 'number' && value < 0)
      throw fieldError(field, `${e.nameZh}不能为负数`, `${e.nameEn} cannot be negative`);
  }

  /** Write one cell: value row, its audit-trail row and the roll-up of every ancestor, in the caller's transaction. */
  async function writeCell(
    tx: Db,
    ctx: RequestContext,
    t: OrgTree,
    shares: ShareDef[],
    cell: { element: string; org: string; period: string; value: number | null; comment?: string | null },
    action: 'create' | 'import' = 'create',
  ) {
    const old =
      (
        await queryRows<{ value: number }>(
          tx,
          sql`SELECT value FROM indicator_value WHERE element = ${cell.element} AND org_code = ${cell.org} AND period = ${cell.period} FOR UPDATE`,
        )
      )[0]?.value ?? null;
    if (old === cell.value) return 'unchanged' as const;
    if (cell.value === null) {
      await tx
        .delete(indicatorValues)
        .where(sql`element = ${cell.element} AND org_code = ${cell.org} AND period = ${cell.period}`);
    } else {
      const row = {
        element: cell.element,
        orgCode: cell.org,
        period: cell.period,
        value: cell.value,
        comment: cell.comment ?? null,
        storedBy: ctx.actor.displayName,
        updatedAt: new Date(),
      };
      await tx
        .insert(indicatorValues)
        .values(row)
        .onConflictDoUpdate({
          target: [indicatorValues.element, indicatorValues.period, indicatorValues.orgCode],
          set: row,
        });
    }
    await tx.insert(indicatorValueAudit).values({
      element: cell.element,
      orgCode: cell.org,
      period: cell.period,
      action: cell.value === null ? 'delete' : old === null ? action : action === 'import' ? 'import' : 'update',
      oldValue: old,
      newValue: cell.value,
      comment: cell.comment ?? null,
      actor: ctx.actor.displayName,
    });
    const ancestors = t.ancestors(cell.org);
    await bumpRollup(
      tx,
      ancestors,
      cell.element,
      cell.period,
      (cell.value ?? 0) - (old ?? 0),
      (cell.value === null ? 0 : 1) - (old === null ? 0 : 1),
    );
    // Share-of-units indicators on this element: units meeting the threshold, kept by delta too.
    for (const d of shares) {
      if (d.element !== cell.element || t.get(cell.org)?.level !== d.level) continue;
      const meets = (v: number | null) => (v !== null && COMPARE[d.op](v, d.value) ? 1 : 0);
      await bumpRollup(
        tx,
        ancestors,
        shareKey(d.code),
        cell.period,
        meets(cell.value) - meets(old),
        (cell.value === null ? 0 : 1) - (old === null ? 0 : 1),
      );
    }
    return old === null ? ('created' as const) : ('updated' as const);
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
        const r = await writeCell(tx, ctx, t, shareDefs(defs), {
          element: v.element,
          org: input.org,
          period: input.period,
          value: v.value,
          comment: v.comment,
        });
        if (r !== 'unchanged') changed[v.element] = v.value;
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
    return queryRows<{
      action: string;
      oldValue: number | null;
      newValue: number | null;
      comment: string | null;
      actor: string;
      at: string;
    }>(
      db,
      sql`
      SELECT action, old_value AS "oldValue", new_value AS "newValue", comment, actor, at::text AS at FROM indicator_value_audit
       WHERE element = ${q.element} AND org_code = ${q.org} AND period = ${q.period} ORDER BY id DESC LIMIT 200`,
    );
  }

  // ---------------------------------------------------------------- approvals (村填报 → 乡镇审核 → 县审定)
  async function act(
    ctx: RequestContext,
    action: 'submit' | 'approve' | 'return',
    input: z.infer<typeof approvalAction>,
  ) {
    requirePermission(ctx, action === 'submit' ? 'indicators:enter' : 'indicators:approve');
    const { defs, ds, org } = await resolveForm(ctx, input);
    const actorLevel =
      ctx.actor.scopePrefix === ''
        ? 'county'
        : ((await tree(countyOf(ctx))).get(ctx.actor.orgCode)?.level ?? 'village');
    await db.transaction(async (tx) => {
      const current = await approvalOf(tx, ds.code, input.org, input.period, true);
      const status = (current?.status ?? 'open') as ApprovalStatus;
      let next: ApprovalStatus;
      const refuse = (zh: string, en: string) => new AppError('CONFLICT', { zh, en });
      if (action === 'submit') {
        if (status !== 'open') throw refuse('已上报，不能重复上报', 'Already submitted');
        const values = await valuesOf(tx, input.org, input.period, ds.elements);
        const enterable = ds.elements.filter((e) => !defs.elements.get(e)?.computed);
        if (values.length < enterable.length)
          throw fieldError(
            'values',
            `还有 ${enterable.length - values.length} 项未填，不能上报`,
            'Some values are missing',
          );
        const rules = await tx
          .select()
          .from(indicatorValidationRules)
          .where(eq(indicatorValidationRules.dataSet, ds.code));
        const high = violationsOf(rules, new Map(values.map((v) => [v.element, v.value]))).filter(
          (v) => v.importance === 'high',
        );
        if (high.length)
          throw AppError.validation(
            high.map((h) => ({
              field: 'values',
              messageZh: `校验不通过：${h.nameZh}（${h.left} / ${h.right}）`,
              messageEn: `Validation rule ${h.rule} fails`,
            })),
          );
        next = 'submitted';
      } else if (action === 'approve') {
        if (actorLevel === 'village') throw AppError.forbidden();
        if (actorLevel === 'township') {
          if (org.level !== 'village') throw AppError.forbidden();
          if (status !== 'submitted') throw refuse('只能审核已上报的数据', 'Only submitted data can be approved');
          next = 'approvedTownship';
        } else {
          if (org.level === 'village' ? status !== 'approvedTownship' : status !== 'submitted')
            throw refuse(
              org.level === 'village' ? '村级数据须先经乡镇审核' : '只能审定已上报的数据',
              'Not ready for county approval',
            );
          next = 'approvedCounty';
        }
      } else {
        if (status === 'open') throw refuse('尚未上报，无需退回', 'Nothing to return');
        if (actorLevel === 'township' && (org.level !== 'village' || status === 'approvedCounty'))
          throw refuse('县级已审定的数据只能由县级退回', 'Only the county can return county-approved data');
        if (actorLevel === 'village') throw AppError.forbidden();
        next = 'open';
      }
      const entry = {
        action,
        status: next,
        by: ctx.actor.displayName,
        at: clock().toISOString(),
        ...(input.note ? { note: input.note } : {}),
      };
      await tx
        .insert(indicatorApprovals)
        .values({ dataSet: ds.code, orgCode: input.org, period: input.period, status: next, history: [entry] })
        .onConflictDoUpdate({
          target: [indicatorApprovals.dataSet, indicatorApprovals.period, indicatorApprovals.orgCode],
          set: {
            status: next,
            history: sql`indicator_approval.history || ${JSON.stringify([entry])}::jsonb`,
            updatedAt: new Date(),
          },
        });
      await recordAudit(tx, ctx, {
        action: `approval.${action}`,
        entity: 'indicator_approval',
        entityId: `${ds.code}/${input.period}`,
        orgCode: input.org,
        before: { status },
        after: { status: next },
      });
    });
    return form(ctx, input);
  }

  async function approvals(ctx: RequestContext, q: { dataSet: string; period: string; org?: string }) {
    requirePermission(ctx, 'indicators:read');
    const defs = await loadDefs();
    const ds = defs.dataSets.find((d) => d.code === q.dataSet);
    if (!ds) throw AppError.notFound({ zh: '数据集', en: 'Data set' });
    const root = q.org ?? homeUnit(ctx);
    requireInScope(ctx, root);
    const t = await tree(countyCodeOf(root));
    const prefix = root.slice(0, t.get(root)?.level === 'county' ? 6 : t.get(root)?.level === 'township' ? 9 : 12);
    const units: { code: string; name: string; level: string }[] = [];
    const walk = (code: string) => {
      const u = t.get(code);
      if (!u || !t.validIn(code, q.period)) return;
      if (u.level === ds.entryLevel) units.push(u);
      else t.children(code, q.period).forEach((c) => walk(c.code));
    };
    walk(root);
    const status = new Map((await approvalsUnder(db, ds.code, prefix, q.period)).map((r) => [r.orgCode, r]));
    const counts = new Map((await valueCountsUnder(db, ds.elements, prefix, q.period)).map((r) => [r.orgCode, r.n]));
    return units.map((u) => ({
      orgCode: u.code,
      orgName: u.name,
      level: u.level,
      status: (status.get(u.code)?.status ?? 'open') as ApprovalStatus,
      values: counts.get(u.code) ?? 0,
      updatedAt: status.get(u.code)?.updatedAt ?? null,
    }));
  }

  // ---------------------------------------------------------------- import (dataValueSet, JSON or CSV, dry run)
  function parseImport(
    format: 'json' | 'csv',
    content: string,
  ): { element: string; org: string; period: string; value: unknown; comment?: string }[] {
    if (format === 'json') {
      let data: unknown;
      try {
        data = JSON.parse(content);
      } catch {
        throw fieldError('content', 'JSON 格式错误', 'Invalid JSON');
      }
      const list = Array.isArray(data) ? data : (data as { dataValues?: unknown[] })?.dataValues;
      if (!Array.isArray(list))
        throw fieldError('content', '应为数组或 {"dataValues": [...]}', 'Expected an array or {"dataValues": [...]}');
      return list.map((r) => {
        const o = (r ?? {}) as Record<string, unknown>;
        return {
          element: String(o.dataElement ?? o.element ?? ''),
          org: String(o.orgUnit ?? o.org ?? ''),
          period: String(o.period ?? ''),
          value: o.value,
          comment: o.comment == null ? undefined : String(o.comment),
        };
      });
    }
    const lines = content
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    const header = (lines.shift() ?? '').split(',').map((h) => h.trim());
    const idx = (names: string[]) => header.findIndex((h) => names.includes(h));
    const [ie, io, ip, iv, ic] = [
      idx(['dataElement', 'element', '数据元']),
      idx(['orgUnit', 'org', '机构代码']),
      idx(['period', '期间']),
      idx(['value', '值']),
      idx(['comment', '备注']),
    ];
    if (ie < 0 || io < 0 || ip < 0 || iv < 0)
      throw fieldError(
        'content',
        'CSV 表头须含 dataElement,orgUnit,period,value',
        'CSV header needs dataElement,orgUnit,period,value',
      );
    return lines.map((l) => {
      const c = l.split(',');
      return {
        element: c[ie]?.trim() ?? '',
        org: c[io]?.trim() ?? '',
        period: c[ip]?.trim() ?? '',
        value: c[iv]?.trim() === '' ? null : Number(c[iv]),
        comment: ic >= 0 ? c[ic]?.trim() : undefined,
      };
    });
  }

  async function importValues(ctx: RequestContext, input: z.infer<typeof importRequest>) {
    requirePermission(ctx, 'indicators:enter');
    const rows = parseImport(input.format, input.content);
    if (rows.length > 50_000) throw fieldError('content', '一次最多导入 50000 条', 'At most 50 000 values per import');
    const defs = await loadDefs();
    const t = await tree(countyOf(ctx));
    const errors: { row: number; messageZh: string; messageEn: string }[] = [];
    const ok: { element: string; org: string; period: string; value: number; comment?: string; ds: DataSetDef }[] = [];
    rows.forEach((r, k) => {
      const err = (zh: string, en: string) => errors.push({ row: k + 1, messageZh: zh, messageEn: en });
      const e = defs.elements.get(r.element);
      if (!e) return err(`数据元 ${r.element} 不存在`, `Unknown data element ${r.element}`);
      if (e.computed) return err(`${e.nameZh}由系统计算，不能导入`, `${e.code} is computed`);
      const ds = defs.dataSets.find((d) => d.elements.includes(e.code));
      if (!ds) return err(`${e.nameZh}不属于任何数据集`, 'Element in no data set');
      if (!/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(r.period) || (ds.periodType === 'yearly') !== (r.period.length === 4))
        return err(`期间 ${r.period} 格式不符（${ds.periodType === 'yearly' ? 'YYYY' : 'YYYY-MM'}）`, 'Bad period');
      const u = t.get(r.org);
      if (!u || (ctx.actor.scopePrefix !== '' && !r.org.startsWith(ctx.actor.scopePrefix)))
        return err(`机构 ${r.org} 不存在或不在权限范围内`, `Unknown org unit ${r.org}`);
      if (!t.validIn(r.org, r.period))
        return err(`${u.name}在 ${r.period} 不存在`, 'Unit did not exist in that period');
      if (u.level !== e.entryLevel)
        return err(`${e.nameZh}由${ORG_LEVEL_LABELS[e.entryLevel].zh}填报`, `Entered at ${e.entryLevel} level`);
      const value = typeof r.value === 'string' ? Number(r.value) : r.value;
      if (typeof value !== 'number' || !Number.isFinite(value)) return err('值须为数字', 'Value must be a number');
      try {
        checkValue(e, value, 'value');
      } catch (x) {
        return err((x as AppError).fields?.[0]?.messageZh ?? '值不合法', 'Invalid value');
      }
      if (!entryWindow(ctx, ds, r.period).open) return err(`${r.period} 不在填报期内`, 'Entry closed');
      ok.push({ element: e.code, org: r.org, period: r.period, value, comment: r.comment, ds });
    });
    const summary = { dryRun: input.dryRun, total: rows.length, created: 0, updated: 0, unchanged: 0, errors };
    // Locked cells and current values.
    const run = async (tx: Db, write: boolean) => {
      for (const r of ok) {
        const ap = await approvalOf(tx, r.ds.code, r.org, r.period);
        if (ap && LOCKED.includes(ap.status as ApprovalStatus)) {
          errors.push({
            row:
              rows.indexOf(rows.find((x) => x.element === r.element && x.org === r.org && x.period === r.period)!) + 1,
            messageZh: `${r.org} ${r.period} 已审核锁定`,
            messageEn: 'Locked by approval',
          });
          continue;
        }
        if (write) {
          summary[await writeCell(tx, ctx, t, shareDefs(defs), r, 'import')]++;
          continue;
        }
        const old = (
          await queryRows<{ value: number }>(
            tx,
            sql`SELECT value FROM indicator_value WHERE element = ${r.element} AND org_code = ${r.org} AND period = ${r.period}`,
          )
        )[0]?.value;
        summary[old === undefined ? 'created' : old === r.value ? 'unchanged' : 'updated']++;
      }
    };
    if (input.dryRun || errors.length) {
      await run(db, false);
      return { ...summary, dryRun: true };
    }
    await db.transaction(async (tx) => {
      await run(tx, true);
      if (errors.length)
        throw new AppError(
          'VALIDATION',
          {
            zh: `有 ${errors.length} 行不能导入，未写入任何数据`,
            en: 'Some rows cannot be imported; nothing was written',
          },
          errors.slice(0, 20).map((e) => ({ field: `row.${e.row}`, messageZh: e.messageZh, messageEn: e.messageEn })),
        );
      await recordAudit(tx, ctx, {
        action: 'import',
        entity: 'indicator_value',
        entityId: `${rows.length} rows`,
        after: { created: summary.created, updated: summary.updated, unchanged: summary.unchanged },
      });
    });
    return summary;
  }

  // ---------------------------------------------------------------- cockpit
  async function cockpit(ctx: RequestContext, q: z.infer<typeof cockpitQuery>) {
    requirePermission(ctx, 'indicators:read');
    const orgCode = q.org ?? homeUnit(ctx);
    requireInScope(ctx, orgCode);
    const period = q.period ?? currentMonth();
    const defs = await loadDefs();
    const t = await tree(countyCodeOf(orgCode));
    if (!t.get(orgCode)) throw AppError.notFound({ zh: '机构', en: 'Org unit' });
    const v = await engine.view(defs, { orgCode, period, boundaries: q.boundaries }, t);
    // The fund shares carry the funds module's own check status (the funds page shows the same).
    await applyFundCheckStatus(db, countyCodeOf(orgCode), Number(period.slice(0, 4)), v.results);
    const summary = { met: 0, atRisk: 0, notMet: 0, noData: 0, noTarget: 0 };
    const cellOf = (r: {
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      status: TargetStatus;
      threshold: number | null;
    }) => ({
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      status: r.status,
      threshold: r.threshold,
    });
    const indicators = [...v.results.entries()].map(([code, per]) => {
      const ind = defs.indicators.get(code)!;
      const r = per.get(orgCode)!;
      summary[r.status]++;
      const tg = r.target;
      return {
        code,
        nameZh: ind.nameZh,
        nameEn: ind.nameEn,
        unitZh: ind.unitZh,
        // A fund share is printed as the funds page prints it (two decimals: 62.26 %).
        decimals: FUND_CHECK_OF[code] ? FUND_SHARE_DECIMALS : ind.decimals,
        period: v.periodOf(ind),
        ...cellOf(r),
        target: tg
          ? {
              id: tg.id,
              op: tg.op,
              value: tg.value,
              upper: tg.upper ?? null,
              band: tg.band,
              toYear: tg.toYear,
              path: tg.path ?? 'constant',
              sourceDoc: tg.sourceDoc,
              sourceText: tg.sourceText,
              note: tg.note ?? null,
              scopeLabel: scopeLabel(
                tg.scope.kind,
                tg.scope.kind === 'unit' ? tg.scope.code : tg.scope.kind === 'level' ? tg.scope.level : tg.scope.group,
                (c) => t.get(c)?.name,
              ),
              textZh: targetText(tg, ind.unitZh, Number(period.slice(0, 4)), r.threshold),
            }
          : null,
        trend: v.trend.get(code) ?? [],
      };
    });
    // 综合得分 is the assessment scheme's total (the assessment page calls the same `schemeScores`).
    const { asOf } = scoringDates(period, todayInChina(clock()));
    const scores = await schemeScores(db, deps.workflow ?? defaultWorkflowFigures, {
      countyCode: countyCodeOf(orgCode),
      year: Number(period.slice(0, 4)),
      asOf,
      units: v.children.map((c) => c.code),
      result: (ref, code) => v.results.get(ref)?.get(code),
    });
    const children = v.children.map((c) => {
      const cells: Record<string, ReturnType<typeof cellOf>> = {};
      for (const [code, per] of v.results) cells[code] = cellOf(per.get(c.code)!);
      const s = scores.get(c.code);
      return { ...c, score: s?.scored ? s.total : null, grade: s?.grade ?? '无数据', band: bandOfGrade(s), cells };
    });
    children.sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    return { unit: v.unit, period, summary, indicators, children };
  }

  return {
    definitions,
    saveIndicator,
    listTargets,
    saveTarget,
    deleteTarget,
    form,
    saveForm,
    valueAudit,
    act,
    approvals,
    importValues,
    cockpit,
    loadDefs,
    engine,
    tree,
    countyOf,
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
