import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '#server/db/connect.ts';
import { indicatorDefs, indicatorTargets } from '#server/db/schema/indicators.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import type { indicatorDef, targetInput } from '#common/contracts/indicators.ts';
import { ExpressionError, findCycle, parseExpression, referencedCodes } from '#common/domain/indicators/expression.ts';
import { ORG_GROUPS, type DataSetDef } from '#common/domain/indicators/model.ts';
import { compiled } from '#common/domain/indicators/rollup.ts';
import type { EvalDefs } from './indicators.engine.ts';
import { orgGroupsOf, rebuildShareRollup } from './indicators.repository.ts';
import { scopeColumns } from './indicators.seed.ts';
import { fieldError, scopeLabel, toTarget } from './indicators.text.ts';
import type { OrgTree } from './org-tree.ts';

// Indicator definitions and targets: validated on save (expressions parse, codes exist, no cycle),
// county administrators only, audited.

interface DefinitionDeps {
  db: Db;
  loadDefs: () => Promise<EvalDefs & { dataSets: DataSetDef[] }>;
  tree: (countyCode: string) => Promise<OrgTree>;
  countyOf: (ctx: RequestContext) => string;
}

export function createDefinitionOps({ db, loadDefs, tree, countyOf }: DefinitionDeps) {
  async function definitions(ctx: RequestContext) {
    requirePermission(ctx, 'indicators:read');
    const d = await loadDefs();
    return {
      elements: [...d.elements.values()].map((e) => ({ ...e, computed: e.computed ?? null, unitZh: e.unitZh ?? '' })),
      dataSets: d.dataSets,
      indicators: [...d.indicators.values()].map((i) => ({
        ...i,
        unitLevel: i.unitLevel ?? null,
        threshold: i.threshold ?? null,
        descriptionZh: i.descriptionZh ?? null,
      })),
    };
  }

  /** Validate an indicator against the catalogue: expressions parse, codes exist, no cycle through I{…}. */
  function checkIndicator(input: z.infer<typeof indicatorDef>, defs: EvalDefs): void {
    const asts: [string, string][] = [
      ['numerator', input.numerator],
      ...(input.denominator ? [['denominator', input.denominator] as [string, string]] : []),
    ];
    const refs: string[] = [];
    for (const [field, src] of asts) {
      let ast;
      try {
        ast = parseExpression(src);
      } catch (e) {
        if (e instanceof ExpressionError) throw fieldError(field, e.messageZh, e.message);
        throw e;
      }
      for (const el of referencedCodes(ast, 'element'))
        if (!defs.elements.has(el)) throw fieldError(field, `数据元 ${el} 不存在`, `Unknown data element ${el}`);
      for (const ind of referencedCodes(ast, 'indicator')) {
        if (!defs.indicators.has(ind) && ind !== input.code)
          throw fieldError(field, `指标 ${ind} 不存在`, `Unknown indicator ${ind}`);
        refs.push(ind);
      }
    }
    if (input.mode === 'shareMeeting') {
      const els = referencedCodes(parseExpression(input.numerator), 'element');
      if (els.length !== 1 || input.numerator.replace(/\s/g, '') !== `#{${els[0]}}` || input.denominator)
        throw fieldError(
          'numerator',
          '“达标单位占比”的分子须为单个数据元 #{CODE}，且无分母',
          'Share-of-units needs a single #{CODE} numerator and no denominator',
        );
      if (!input.threshold || !input.unitLevel)
        throw fieldError(
          'threshold',
          '“达标单位占比”须设置单位层级和达标条件',
          'Share-of-units needs a unit level and a threshold',
        );
    }
    // The edited indicator first, so a cycle is reported from it.
    const graph = new Map<string, string[]>([[input.code, refs]]);
    for (const i of defs.indicators.values()) {
      if (i.code === input.code) continue;
      graph.set(
        i.code,
        [i.numerator, i.denominator ?? ''].flatMap((s) => (s ? referencedCodes(compiled(s), 'indicator') : [])),
      );
    }
    const cycle = findCycle(graph);
    if (cycle)
      throw fieldError(
        'numerator',
        `指标之间循环引用：${cycle.join(' → ')}`,
        `Indicators reference each other in a cycle: ${cycle.join(' → ')}`,
      );
  }

  async function saveIndicator(ctx: RequestContext, input: z.infer<typeof indicatorDef>) {
    requirePermission(ctx, 'indicators:manage');
    const defs = await loadDefs();
    checkIndicator(input, defs);
    const row = {
      ...input,
      unitLevel: input.unitLevel ?? null,
      threshold: input.threshold ?? null,
      descriptionZh: input.descriptionZh ?? null,
      updatedBy: ctx.actor.displayName,
      updatedAt: new Date(),
    };
    await db.transaction(async (tx) => {
      const before = (await tx.select().from(indicatorDefs).where(eq(indicatorDefs.code, input.code)))[0] ?? null;
      await tx.insert(indicatorDefs).values(row).onConflictDoUpdate({ target: indicatorDefs.code, set: row });
      await recordAudit(tx, ctx, {
        action: before ? 'update' : 'create',
        entity: 'indicator_def',
        entityId: input.code,
        before: before as Record<string, unknown> | null,
        after: input as Record<string, unknown>,
      });
      // A share-of-units indicator's counts depend on its threshold: recount them (or drop them) for the county.
      if (input.mode === 'shareMeeting' || before?.mode === 'shareMeeting')
        await rebuildShareRollup(tx, countyOf(ctx), input.code);
    });
    return definitions(ctx);
  }

  async function listTargets(ctx: RequestContext) {
    requirePermission(ctx, 'indicators:read');
    const t = await tree(countyOf(ctx));
    const rows = await db
      .select()
      .from(indicatorTargets)
      .orderBy(asc(indicatorTargets.indicator), asc(indicatorTargets.fromYear), asc(indicatorTargets.id));
    return rows.map((r) => ({
      ...toTarget(r),
      upper: r.upper,
      baselineYear: r.baselineYear,
      reference: r.reference,
      path: r.path,
      pathFromYear: r.pathFromYear,
      pathFromValue: r.pathFromValue,
      note: r.note,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      scopeLabel: scopeLabel(r.scopeKind, r.scopeCode, (c) => t.get(c)?.name),
    }));
  }

  /** The org groups and their members within the actor's scope (names from the org tree, ordered by code). */
  async function listGroups(ctx: RequestContext) {
    requirePermission(ctx, 'indicators:read');
    const county = countyOf(ctx);
    const t = await tree(county);
    const rows = await orgGroupsOf(db, county.slice(0, 6));
    const inScope = (code: string) => code.startsWith(ctx.actor.scopePrefix);
    return ORG_GROUPS.map((g) => ({
      code: g.code,
      zh: g.zh,
      en: g.en,
      members: rows
        .filter((r) => r.groupCode === g.code && inScope(r.orgCode))
        .map((r) => ({ code: r.orgCode, name: t.get(r.orgCode)?.name ?? r.orgCode }))
        .sort((a, b) => (a.code < b.code ? -1 : 1)),
    }));
  }

  async function saveTarget(ctx: RequestContext, input: z.infer<typeof targetInput>, id?: number) {
    requirePermission(ctx, 'indicators:manage');
    const defs = await loadDefs();
    if (!defs.indicators.has(input.indicator)) throw fieldError('indicator', '指标不存在', 'Unknown indicator');
    if (input.fromYear > input.toYear)
      throw fieldError('toYear', '截止年度不能早于起始年度', 'The last year is before the first');
    if (input.op === 'between' && (input.upper == null || input.value == null || input.upper < input.value))
      throw fieldError('upper', '“介于”须填写上下限，且上限不小于下限', 'Between needs a lower and an upper bound');
    if (!input.reference && input.value == null) throw fieldError('value', '请填写目标值', 'Enter the target value');
    if (input.path === 'linear' && (input.reference || input.fromYear === input.toYear))
      throw fieldError(
        'path',
        '按年度路径的目标须有起止年度，且不能是参照值目标',
        'A yearly path needs a span of years and a number',
      );
    if (input.pathFromYear != null && input.pathFromYear >= input.toYear)
      throw fieldError('pathFromYear', '路径基期须早于截止年度', 'The path baseline must be before the last year');
    if (input.reference) {
      try {
        parseExpression(input.reference);
      } catch (e) {
        if (e instanceof ExpressionError) throw fieldError('reference', e.messageZh, e.message);
        throw e;
      }
    }
    if (input.scope.kind === 'unit') requireInScope(ctx, input.scope.code);
    if (input.scope.kind === 'group' && !ORG_GROUPS.some((g) => g.code === (input.scope as { group: string }).group))
      throw fieldError('scope', '分组不存在', 'Unknown group');
    const row = {
      indicator: input.indicator,
      ...scopeColumns(input.scope),
      fromYear: input.fromYear,
      toYear: input.toYear,
      op: input.op,
      value: input.value,
      upper: input.upper ?? null,
      band: input.band,
      baselineYear: input.baselineYear ?? null,
      reference: input.reference ?? null,
      path: input.path,
      pathFromYear: input.pathFromYear ?? null,
      pathFromValue: input.pathFromValue ?? null,
      sourceDoc: input.sourceDoc,
      sourceText: input.sourceText,
      note: input.note ?? null,
      createdBy: ctx.actor.displayName,
    };
    await db.transaction(async (tx) => {
      if (id) {
        const before = (await tx.select().from(indicatorTargets).where(eq(indicatorTargets.id, id)))[0];
        if (!before) throw AppError.notFound({ zh: '目标', en: 'Target' });
        await tx.update(indicatorTargets).set(row).where(eq(indicatorTargets.id, id));
        await recordAudit(tx, ctx, {
          action: 'update',
          entity: 'indicator_target',
          entityId: id,
          before: before as unknown as Record<string, unknown>,
          after: row,
        });
      } else {
        const inserted = await tx
          .insert(indicatorTargets)
          .values(row)
          .onConflictDoNothing()
          .returning({ id: indicatorTargets.id });
        if (!inserted.length)
          throw new AppError(
            'CONFLICT',
            {
              zh: '该指标在同一范围、同一起始年度已有目标，请修改原目标',
              en: 'A target for this scope and first year exists',
            },
            [{ field: 'fromYear', messageZh: '已有目标', messageEn: 'Exists' }],
          );
        await recordAudit(tx, ctx, {
          action: 'create',
          entity: 'indicator_target',
          entityId: inserted[0].id,
          after: row,
        });
      }
    });
    return listTargets(ctx);
  }

  async function deleteTarget(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'indicators:manage');
    await db.transaction(async (tx) => {
      const before = (await tx.delete(indicatorTargets).where(eq(indicatorTargets.id, id)).returning())[0];
      if (!before) throw AppError.notFound({ zh: '目标', en: 'Target' });
      await recordAudit(tx, ctx, {
        action: 'delete',
        entity: 'indicator_target',
        entityId: id,
        before: before as unknown as Record<string, unknown>,
      });
    });
    return listTargets(ctx);
  }

  return { definitions, saveIndicator, listTargets, listGroups, saveTarget, deleteTarget };
}
