import type { z } from 'zod';
import type { measureInput, measureListQuery, measureUpdate, subtypeRequest } from '#common/contracts/assistance.ts';
import { DEFAULT_SUBTYPES } from '#common/domain/assistance/categories.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { countyOfActor } from '#server/lib/county.ts';
import { pageWindow } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { loadHousehold } from '../registry/index.ts';
import {
  bad,
  MEASURE_ATTACHMENT_KIND,
  params,
  reachOf,
  riskZh,
  toMeasureRow,
  withAttachments,
  type AssistanceDeps,
} from './assistance.shared.ts';
import {
  countMeasures,
  insertMeasure,
  listMeasures,
  listSubtypes,
  seedSubtypes,
  updateMeasure,
  upsertSubtype,
} from './measures.repository.ts';

// 帮扶措施: the county's sub-types (seeded with the defaults on first read), a measure's checks, create, edit, list.

export async function subtypes(d: AssistanceDeps, ctx: RequestContext) {
  requirePermission(ctx, 'assistance:read');
  const county = countyOfActor(ctx);
  let rows = await listSubtypes(d.db, county);
  if (rows.length === 0) {
    await seedSubtypes(
      d.db,
      county,
      DEFAULT_SUBTYPES.map((s, i) => ({
        category: s.category,
        code: s.code,
        labelZh: s.zh,
        continuesAfterElimination: s.continuesAfterElimination ?? null,
        sort: i,
      })),
    );
    rows = await listSubtypes(d.db, county);
  }
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    code: r.code,
    labelZh: r.labelZh,
    continuesAfterElimination: r.continuesAfterElimination,
    active: r.active,
  }));
}

export async function saveSubtype(d: AssistanceDeps, ctx: RequestContext, input: z.infer<typeof subtypeRequest>) {
  requirePermission(ctx, 'assistance:manage');
  await subtypes(d, ctx);
  const county = countyOfActor(ctx);
  return d.db.transaction(async (tx) => {
    const saved = await upsertSubtype(tx, { countyCode: county, ...input });
    await recordAudit(tx, ctx, {
      action: 'save',
      entity: 'measure_subtype',
      entityId: `${input.category}/${input.code}`,
      orgCode: county,
      after: input,
    });
    return {
      id: saved.id,
      category: saved.category,
      code: saved.code,
      labelZh: saved.labelZh,
      continuesAfterElimination: saved.continuesAfterElimination,
      active: saved.active,
    };
  });
}

async function checkMeasure(
  d: AssistanceDeps,
  ctx: RequestContext,
  h: { riskTypes: string[] },
  input: Omit<z.infer<typeof measureInput>, 'householdId'>,
) {
  if (h.riskTypes.length > 0 && !h.riskTypes.includes(input.riskType)) {
    throw bad(
      'riskType',
      `该户未登记风险“${riskZh(input.riskType)}”，请选择该户的风险：${h.riskTypes.map(riskZh).join('、')}`,
      "Choose one of the household's risks",
    );
  }
  if (input.endOn && input.endOn < input.startOn)
    throw bad('endOn', '结束日期不能早于开始日期', 'The end cannot be before the start');
  if (input.status === 'completed' && !input.endOn)
    throw bad('endOn', '已完成的措施须填写结束日期', 'A completed measure needs an end date');
  if (input.subType) {
    const list = await subtypes(d, ctx);
    if (!list.some((s) => s.category === input.category && s.code === input.subType && s.active))
      throw bad('subType', '措施子项不属于所选类别', 'The sub-type does not belong to the category');
  }
  if (input.subType === 'microLoan') {
    const { loanCapFen } = await params(d, countyOfActor(ctx), input.startOn);
    if (input.amountFen > loanCapFen)
      throw bad(
        'amountFen',
        `小额信贷不超过 ${loanCapFen / 100} 元（政策参数 loans.capFen）`,
        `A micro-loan is at most ${loanCapFen / 100} yuan`,
      );
  }
}

export async function getMeasure(d: AssistanceDeps, ctx: RequestContext, id: number) {
  requirePermission(ctx, 'assistance:read');
  const [row] = await listMeasures(d.db, reachOf(ctx), { id, limit: 1 });
  if (!row) throw AppError.notFound({ zh: '帮扶措施', en: 'Measure' });
  return (await withAttachments(d, ctx, [toMeasureRow(row)]))[0];
}

type MeasureHousehold = Awaited<ReturnType<typeof loadHousehold>>['household'];

/** Links the uploaded evidence files to the measure in the measure's transaction. */
async function linkEvidence(
  d: AssistanceDeps,
  tx: Db,
  ctx: RequestContext,
  link: { ids: number[]; measureId: number; orgCode: string; required: boolean },
) {
  if (!link.ids.length) return;
  if (!d.attachments) {
    if (link.required) throw bad('attachmentIds', '附件功能未启用', 'Attachments are not available');
    return;
  }
  await d.attachments.link(tx, ctx, {
    ids: link.ids,
    ownerKind: MEASURE_ATTACHMENT_KIND,
    ownerId: link.measureId,
    orgCode: link.orgCode,
  });
}

function insertMeasureRow(tx: Db, ctx: RequestContext, h: MeasureHousehold, input: z.infer<typeof measureInput>) {
  return insertMeasure(tx, {
    countyCode: h.countyCode,
    householdId: h.id,
    villageCode: h.villageCode,
    riskType: input.riskType,
    category: input.category,
    subType: input.subType,
    department: input.department,
    startOn: input.startOn,
    endOn: input.endOn,
    amountFen: input.amountFen,
    status: input.status,
    evidence: input.evidence as unknown as Record<string, unknown>,
    note: input.note,
    createdBy: ctx.actor.id || null,
  });
}

export async function createMeasure(d: AssistanceDeps, ctx: RequestContext, input: z.infer<typeof measureInput>) {
  requirePermission(ctx, 'assistance:write');
  const { household: h } = await loadHousehold(d.db, ctx, input.householdId);
  await checkMeasure(d, ctx, h, input);
  const id = await d.db.transaction(async (tx) => {
    const newId = await insertMeasureRow(tx, ctx, h, input);
    await linkEvidence(d, tx, ctx, {
      ids: input.attachmentIds,
      measureId: newId,
      orgCode: h.villageCode,
      required: true,
    });
    const { evidence: _e, householdId: _h, attachmentIds: _a, ...audited } = input;
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'assistance_measure',
      entityId: newId,
      orgCode: h.villageCode,
      after: {
        householdNo: h.householdNo,
        ...audited,
        evidence: input.evidence.length,
        attachments: input.attachmentIds.length,
      },
    });
    return newId;
  });
  return getMeasure(d, ctx, id);
}

/** The fields of a measure the audit row keeps (the evidence by its count). */
const auditedMeasure = (m: Record<string, unknown>) => ({
  riskType: m.riskType,
  category: m.category,
  subType: m.subType,
  department: m.department,
  startOn: m.startOn,
  endOn: m.endOn,
  amountFen: m.amountFen,
  status: m.status,
  note: m.note,
  evidence: (m.evidence as unknown[]).length,
});

export async function editMeasure(
  d: AssistanceDeps,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof measureUpdate>,
) {
  requirePermission(ctx, 'assistance:write');
  const before = await getMeasure(d, ctx, id);
  const { household: h } = await loadHousehold(d.db, ctx, before.householdId);
  await checkMeasure(d, ctx, h, input);
  const { version, attachmentIds, ...fields } = input;
  await d.db.transaction(async (tx) => {
    const ok = await updateMeasure(tx, id, version, {
      ...fields,
      evidence: fields.evidence as unknown as Record<string, unknown>,
    });
    if (!ok)
      throw new AppError('CONFLICT', {
        zh: '措施已被他人修改，请刷新后重试',
        en: 'The measure was changed by someone else; reload',
      });
    await linkEvidence(d, tx, ctx, { ids: attachmentIds, measureId: id, orgCode: h.villageCode, required: false });
    await recordAudit(tx, ctx, {
      action: 'update',
      entity: 'assistance_measure',
      entityId: id,
      orgCode: h.villageCode,
      before: auditedMeasure(before),
      after: auditedMeasure(fields),
    });
  });
  return getMeasure(d, ctx, id);
}

export async function measures(d: AssistanceDeps, ctx: RequestContext, q: z.infer<typeof measureListQuery>) {
  requirePermission(ctx, 'assistance:read');
  const filter = { orgPrefix: orgFilterPrefix(q.orgCode), category: q.category, status: q.status };
  const { afterId, limit, page, pageSize, sort, order } = q;
  const [rows, total] = await Promise.all([
    listMeasures(d.db, reachOf(ctx), { ...filter, afterId, limit, page, pageSize, sort, order }),
    countMeasures(d.db, reachOf(ctx), filter),
  ]);
  const items = rows.map(toMeasureRow);
  if (page !== undefined) return { items, total, nextAfterId: null, page, pageSize: pageWindow(q).pageSize };
  const nextAfterId = rows.length === limit ? rows[rows.length - 1].measure.id : null;
  return { items, total, nextAfterId, page: 1, pageSize: limit };
}
