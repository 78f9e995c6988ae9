import type { DecisionInput } from '#common/contracts/key-villages.ts';
import { DECISION_KINDS, GROUP_OF_KIND, decisionErrors, decisionInForce } from '#common/domain/key-villages/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { replaceOrgGroup } from '../indicators/index.ts';
import { setKeyVillageFlags } from '../resident-teams/index.ts';
import * as repo from './key-villages.repository.ts';
import {
  countySheet,
  decisionsWithForce,
  DECISION,
  fieldError,
  iso,
  requireCounty,
  type DecisionListQuery,
  type KeyVillagesDeps,
} from './key-villages.shared.ts';

// The county's decisions (认定记录): the list, one decision with its villages, a new decision. The decision in force
// writes the indicators' KEY_VILLAGE and DEMO_VILLAGE groups and the resident teams' 重点帮扶村 flags.

function toDecisionRow(d: repo.DecisionDbRow, inForceId: number | undefined) {
  return {
    id: d.id,
    year: d.year,
    docNo: d.doc_no,
    decidedOn: d.decided_on,
    note: d.note,
    keyCount: d.key_count,
    demoCount: d.demo_count,
    inForce: d.id === inForceId,
    createdByName: d.created_by_name,
    createdAt: iso(d.created_at)!,
  };
}

export async function decisions({ db }: KeyVillagesDeps, ctx: RequestContext, q: DecisionListQuery) {
  requirePermission(ctx, 'programmes:read');
  const { all, inForce } = await decisionsWithForce(db, countyOfActor(ctx));
  const w = pageWindow({ ...q, page: q.page ?? 1 });
  const ordered = q.order === 'asc' && q.sort ? [...all].reverse() : all;
  return {
    items: ordered.slice(w.offset, w.offset + w.pageSize).map((d) => toDecisionRow(d, inForce?.id)),
    total: all.length,
    page: w.page ?? 1,
    pageSize: w.pageSize,
  };
}

export async function decision({ db }: KeyVillagesDeps, ctx: RequestContext, id: number) {
  requirePermission(ctx, 'programmes:read');
  const { all, inForce } = await decisionsWithForce(db, countyOfActor(ctx));
  const d = all.find((x) => x.id === id);
  if (!d) throw AppError.notFound(DECISION);
  const villages = await repo.decisionVillages(db, id, ctx.actor.scopePrefix);
  return {
    ...toDecisionRow(d, inForce?.id),
    villages: villages.map((v) => ({
      orgCode: v.org_code,
      villageName: v.village_name ?? v.org_code,
      townshipName: v.township_name,
      kind: v.kind,
      score: v.score,
      rank: v.rank,
    })),
  };
}

/** The decision's villages, each a village of the county's sheet of the year, with the score and rank it gave. */
async function decisionItems(db: Db, county: string, input: DecisionInput) {
  const sheet = await countySheet(db, county, input.year);
  const byCode = new Map(sheet.rows.map((r) => [r.orgCode, r]));
  for (const field of ['keyVillages', 'demoVillages'] as const) {
    const unknown = input[field].filter((c) => !byCode.has(c));
    if (unknown.length)
      throw fieldError(
        field,
        `不是本县${input.year}年的行政村：${unknown.join('、')}`,
        `not a village of the county in ${input.year}: ${unknown.join(', ')}`,
      );
  }
  return [
    ...input.keyVillages.map((c) => ({ orgCode: c, kind: 'key' as const })),
    ...input.demoVillages.map((c) => ({ orgCode: c, kind: 'demo' as const })),
  ].map((i) => ({ ...i, score: byCode.get(i.orgCode)!.score, rank: byCode.get(i.orgCode)!.rank }));
}

/** The decision in force sets the indicators' groups (audited each) and the resident teams' flags. */
async function applyInForce(tx: Db, ctx: RequestContext, county: string, id: number, input: DecisionInput) {
  for (const { code: kind } of DECISION_KINDS) {
    const members = kind === 'key' ? input.keyVillages : input.demoVillages;
    const before = await replaceOrgGroup(tx, county.slice(0, 6), GROUP_OF_KIND[kind], members);
    // entityId: the decision that set the group (the audit page reads Chinese only: the group by its name).
    const group = DECISION_KINDS.find((k) => k.code === kind)!.zh;
    await recordAudit(tx, ctx, {
      action: 'set',
      entity: 'indicator_org_group',
      entityId: id,
      orgCode: county,
      before: { groupMembers: before },
      after: { groupName: group, groupMembers: [...members].sort(), decision: input.docNo },
    });
  }
  await setKeyVillageFlags(tx, ctx, county, input.keyVillages);
}

/**
 * The county's decision: its 重点帮扶村 and 示范村 for a year with 文号 and date, each village's score and rank kept as
 * the sheet gave them. When it is the decision in force, the indicators' groups and the resident teams' flags follow
 * it in the same transaction. Audited (the decision, the groups' members before/after).
 */
export async function decide(d: KeyVillagesDeps, ctx: RequestContext, input: DecisionInput) {
  requireCounty(ctx);
  const county = countyOfActor(ctx);
  const errors = decisionErrors(input, todayInChina());
  if (errors.length) throw AppError.validation(errors);
  const items = await decisionItems(d.db, county, input);
  const id = await d.db.transaction(async (tx) => {
    const id = await repo.insertDecision(
      tx,
      {
        countyCode: county,
        year: input.year,
        docNo: input.docNo,
        decidedOn: input.decidedOn,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      },
      items,
    );
    const all = await repo.decisionsOf(tx, county);
    const inForce = decisionInForce(all.map((x) => ({ ...x, decidedOn: x.decided_on })));
    await recordAudit(tx, ctx, {
      action: 'decide',
      entity: 'key_village_decision',
      entityId: id,
      orgCode: county,
      after: {
        year: input.year,
        docNo: input.docNo,
        decidedOn: input.decidedOn,
        keyVillages: input.keyVillages,
        demoVillages: input.demoVillages,
        inForce: inForce?.id === id,
      },
    });
    if (inForce?.id === id) await applyInForce(tx, ctx, county, id, input);
    return id;
  });
  return decision(d, ctx, id);
}
