import type { z } from 'zod';
import type { approvalAction } from '#common/contracts/indicators.ts';
import type { DataSetDef } from '#common/domain/indicators/model.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import type { FormOps } from './indicators.form.ts';
import { violationsOf } from './indicators.form.ts';
import {
  approvalOf,
  approvalsUnder,
  saveApproval,
  validationRulesOf,
  valueCountsUnder,
  valuesOf,
} from './indicators.repository.ts';
import type { ApprovalStatus, Defs, UseCaseDeps } from './indicators.shared.ts';
import { fieldError } from './indicators.text.ts';

// Approvals of entered data (村填报 → 乡镇审核 → 县审定): submit, approve and return with the rules of each level,
// and the approval state of every unit under a root.

type Action = 'submit' | 'approve' | 'return';
type Level = 'county' | 'township' | 'village' | 'group';
const refuse = (zh: string, en: string) => new AppError('CONFLICT', { zh, en });

/** A submission needs every enterable value and no failing high-importance rule. */
async function checkSubmittable(tx: Db, defs: Defs, ds: DataSetDef, org: string, period: string) {
  const values = await valuesOf(tx, org, period, ds.elements);
  const enterable = ds.elements.filter((e) => !defs.elements.get(e)?.computed);
  if (values.length < enterable.length)
    throw fieldError('values', `还有 ${enterable.length - values.length} 项未填，不能上报`, 'Some values are missing');
  const rules = await validationRulesOf(tx, ds.code);
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
}

/** The status an approval or return leads to from `status`, for an actor at `actorLevel` on a unit at `orgLevel`. */
export function nextStatus(
  action: Exclude<Action, 'submit'>,
  status: ApprovalStatus,
  actorLevel: Level,
  orgLevel: Level,
) {
  if (action === 'approve') {
    if (actorLevel === 'village') throw AppError.forbidden();
    if (actorLevel === 'township') {
      if (orgLevel !== 'village') throw AppError.forbidden();
      if (status !== 'submitted') throw refuse('只能审核已上报的数据', 'Only submitted data can be approved');
      return 'approvedTownship' as const;
    }
    if (orgLevel === 'village' ? status !== 'approvedTownship' : status !== 'submitted')
      throw refuse(
        orgLevel === 'village' ? '村级数据须先经乡镇审核' : '只能审定已上报的数据',
        'Not ready for county approval',
      );
    return 'approvedCounty' as const;
  }
  if (status === 'open') throw refuse('尚未上报，无需退回', 'Nothing to return');
  if (actorLevel === 'township' && (orgLevel !== 'village' || status === 'approvedCounty'))
    throw refuse('县级已审定的数据只能由县级退回', 'Only the county can return county-approved data');
  if (actorLevel === 'village') throw AppError.forbidden();
  return 'open' as const;
}

export function createApprovalOps({ db, clock, loadDefs, tree, countyOf, homeUnit }: UseCaseDeps, forms: FormOps) {
  async function act(ctx: RequestContext, action: Action, input: z.infer<typeof approvalAction>) {
    requirePermission(ctx, action === 'submit' ? 'indicators:enter' : 'indicators:approve');
    const { defs, ds, org } = await forms.resolveForm(ctx, input);
    const actorLevel: Level =
      ctx.actor.scopePrefix === ''
        ? 'county'
        : ((await tree(countyOf(ctx))).get(ctx.actor.orgCode)?.level ?? 'village');
    await db.transaction(async (tx) => {
      const current = await approvalOf(tx, ds.code, input.org, input.period, true);
      const status = (current?.status ?? 'open') as ApprovalStatus;
      let next: ApprovalStatus;
      if (action === 'submit') {
        if (status !== 'open') throw refuse('已上报，不能重复上报', 'Already submitted');
        await checkSubmittable(tx, defs, ds, input.org, input.period);
        next = 'submitted';
      } else next = nextStatus(action, status, actorLevel, org.level);
      const entry = {
        action,
        status: next,
        by: ctx.actor.displayName,
        at: clock().toISOString(),
        ...(input.note ? { note: input.note } : {}),
      };
      await saveApproval(tx, { dataSet: ds.code, orgCode: input.org, period: input.period }, next, entry);
      await recordAudit(tx, ctx, {
        action: `approval.${action}`,
        entity: 'indicator_approval',
        entityId: `${ds.code}/${input.period}`,
        orgCode: input.org,
        before: { status },
        after: { status: next },
      });
    });
    return forms.form(ctx, input);
  }

  /** The approval state and value count of every unit of the data set's entry level under a root unit. */
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

  return { act, approvals };
}
