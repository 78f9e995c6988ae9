import type { z } from 'zod';
import type {
  endPairingRequest,
  measureInput,
  measureListQuery,
  measureUpdate,
  obligationExportQuery,
  obligationQuery,
  pairingExportQuery,
  pairingListQuery,
  unpairedQuery,
  pairingRequest,
  subtypeRequest,
} from '../../../common/contracts/assistance.ts';
import { MAX_PAGE_SIZE, type SortOrder } from '../../../common/contracts/paging.ts';
import { DEFAULT_SUBTYPES } from '../../../common/domain/assistance/categories.ts';
import { addDays, OBLIGATION_CODES, type ObligationCode } from '../../../common/domain/assistance/obligations.ts';
import { recommendMeasures } from '../../../common/domain/assistance/recommend.ts';
import { maskPhone } from '../../../common/domain/id-card.ts';
import { RISK_TYPES } from '../../../common/domain/registry/codes.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { countyOfActor } from '../../lib/county.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { can } from '../../../common/domain/roles.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { loadHousehold } from '../registry/index.ts';
import type { Reach } from './assistance.reach.ts';
import { listWindow } from './assistance.reach.ts';
import { pageWindow } from '../../lib/paging.ts';
import {
  countMeasures,
  insertMeasure,
  listMeasures,
  listSubtypes,
  seedSubtypes,
  updateMeasure,
  upsertSubtype,
} from './measures.repository.ts';
import {
  countObligations,
  obligationCounts,
  obligationsAsOf,
  pageObligations,
  saveSnapshot,
  snapshotRows,
  type ObligationMonths,
} from './obligations.repository.ts';
import {
  activePairingOf,
  cadreUsers,
  countPairings,
  countUnpaired,
  endPairing as endPairingRow,
  findPairing,
  insertPairing,
  listPairings,
  listUnpaired,
} from './pairings.repository.ts';
import { householdFacts, recentVisitsBy, visitsOfHousehold, workspaceHouseholds } from './workspace.repository.ts';
import { orgFilterPrefix, scopePrefixOf } from '../../../common/domain/org-code.ts';

// 结对帮扶, 帮扶措施, obligations, 精准施策 recommendations and the cadre workspace. A paired cadre
// (role cadre) reads only the households he is actively paired with, whatever his org scope.

const riskZh = (r: string) => RISK_TYPES.find((t) => t.code === r)?.zh ?? r;
const DAY_MS = 86_400_000;

export function reachOf(ctx: RequestContext): Reach {
  return { scopePrefix: ctx.actor.scopePrefix, cadreUserId: ctx.actor.role === 'cadre' ? ctx.actor.id : null };
}

const countyOf = countyOfActor;

const bad = (field: string, zh: string, en: string) => AppError.validation([{ field, messageZh: zh, messageEn: en }]);

/** The attachments service's part used here (#5's module): link uploads in the owner's transaction, list them. */
export interface AttachmentLinker {
  link(
    tx: Db,
    ctx: RequestContext,
    input: { ids: number[]; ownerKind: string; ownerId: number; orgCode: string },
  ): Promise<void>;
  listMany(
    ctx: RequestContext,
    ownerKind: string,
    ownerIds: number[],
  ): Promise<{ id: number; ownerId: number | null; fileName: string }[]>;
}
export const MEASURE_ATTACHMENT_KIND = 'assistanceMeasure';

export function createAssistanceService(
  db: Db,
  box: PersonalDataBox,
  clock: Clock = systemClock,
  attachments?: AttachmentLinker,
) {
  const today = () => todayInChina(clock());

  async function params(countyCode: string, asOf: string) {
    const p = await resolveAll(db, countyCode, asOf.slice(0, 7));
    return {
      months: {
        first: numberParam(p, 'assistance.firstMeasureMonths'),
        development: numberParam(p, 'assistance.developmentMeasureMonths'),
        risk: numberParam(p, 'assistance.riskMeasureMonths'),
      } satisfies ObligationMonths,
      visitIntervalDays: numberParam(p, 'assistance.visitIntervalDays'),
      loanCapFen: numberParam(p, 'loans.capFen'),
    };
  }

  /** A household the actor may read: org scope, and for a cadre an active pairing (else 404). */
  async function readableHousehold(ctx: RequestContext, householdId: number) {
    const facts = await householdFacts(db, reachOf(ctx), householdId);
    if (!facts) throw AppError.notFound({ zh: '农户', en: 'Household' });
    return facts;
  }

  // ------------------------------------------------------------ pairings

  async function cadres(ctx: RequestContext) {
    requirePermission(ctx, 'pairing:manage');
    return (await cadreUsers(db, countyOf(ctx).slice(0, 6))).map((u) => ({
      id: u.id,
      displayName: u.display_name,
      orgCode: u.org_code,
      orgName: u.org_name,
    }));
  }

  function toPairingRow(r: Awaited<ReturnType<typeof listPairings>>[number]) {
    const p = r.pairing;
    return {
      id: p.id,
      householdId: p.householdId,
      householdNo: r.householdNo,
      headName: r.headName,
      villageCode: p.villageCode,
      villageName: r.villageName,
      cadreUserId: p.cadreUserId,
      cadreName: p.cadreName,
      unit: p.unit,
      phoneMasked: p.phoneMasked,
      startOn: p.startOn,
      endOn: p.endOn,
      endReason: p.endReason,
    };
  }

  /** The filters of the pairing list as the repository takes them (the export passes the same). */
  const pairingFilter = (q: Omit<z.infer<typeof pairingListQuery>, 'page' | 'pageSize' | 'sort' | 'order'>) => ({
    householdId: q.householdId,
    cadreUserId: q.cadreUserId,
    activeOnly: q.activeOnly,
    orgPrefix: orgFilterPrefix(q.orgCode),
    q: q.q || undefined,
  });

  /** One page of pairings with the total the filters match (without a page: the first 200). */
  async function pairings(ctx: RequestContext, q: z.infer<typeof pairingListQuery>) {
    requirePermission(ctx, 'assistance:read');
    const win = listWindow(q, MAX_PAGE_SIZE);
    const filter = pairingFilter(q);
    const [rows, total] = await Promise.all([
      listPairings(db, reachOf(ctx), filter, { ...win, sort: q.sort, order: q.order }),
      countPairings(db, reachOf(ctx), filter),
    ]);
    return { items: rows.map(toPairingRow), total, page: win.page, pageSize: win.pageSize };
  }

  /** Monitored households without an active cadre (the workbench card's list), one page with the total. */
  async function unpaired(ctx: RequestContext, q: z.infer<typeof unpairedQuery>) {
    requirePermission(ctx, 'assistance:read');
    const win = listWindow(q, MAX_PAGE_SIZE);
    const orgPrefix = orgFilterPrefix(q.orgCode);
    const [items, total] = await Promise.all([
      listUnpaired(db, reachOf(ctx), orgPrefix, { ...win, sort: q.sort, order: q.order }),
      countUnpaired(db, reachOf(ctx), orgPrefix),
    ]);
    return { items, total, page: win.page, pageSize: win.pageSize };
  }

  /** Pairs a cadre with a household; an existing pairing is ended the day before (reassignment keeps history). */
  async function pair(ctx: RequestContext, input: z.infer<typeof pairingRequest>) {
    requirePermission(ctx, 'pairing:manage');
    const { household: h } = await loadHousehold(db, ctx, input.householdId);
    if (h.closedOn) throw bad('householdId', '该户已注销', 'The household is closed');
    if (h.monitoringStatus === 'none' && h.kind !== 'alleviated')
      throw bad(
        'householdId',
        '结对帮扶对象须为监测对象或脱贫户',
        'Only monitored or alleviated households are paired',
      );
    const cadre = (await cadreUsers(db, h.countyCode.slice(0, 6))).find((u) => u.id === input.cadreUserId);
    if (!cadre) throw bad('cadreUserId', '请选择本县在岗的帮扶干部', 'Choose an active cadre of the county');
    const cadrePrefix = scopePrefixOf(cadre.org_code);
    if (!h.villageCode.startsWith(cadrePrefix))
      throw bad('cadreUserId', '该干部所在乡镇不含此户', "The household is outside the cadre's township");
    const current = await activePairingOf(db, h.id);
    if (current) {
      if (current.cadreUserId === input.cadreUserId)
        throw new AppError('CONFLICT', {
          zh: '该干部已与此户结对',
          en: 'This cadre is already paired with the household',
        });
      if (!input.reason) throw bad('reason', '更换帮扶干部须填写原因', 'A reassignment needs a reason');
      if (input.startOn <= current.startOn)
        throw bad(
          'startOn',
          `须晚于现结对开始日期 ${current.startOn}`,
          `Must be after the current pairing's start ${current.startOn}`,
        );
    }
    const id = await db.transaction(async (tx) => {
      if (current) {
        if (!(await endPairingRow(tx, current.id, addDays(input.startOn, -1), input.reason!)))
          throw new AppError('CONFLICT', { zh: '结对已变更，请刷新', en: 'The pairing changed; reload' });
      }
      const newId = await insertPairing(tx, {
        countyCode: h.countyCode,
        householdId: h.id,
        villageCode: h.villageCode,
        cadreUserId: cadre.id,
        cadreName: cadre.display_name,
        unit: input.unit,
        phoneCipher: input.phone ? box.encrypt(input.phone) : null,
        phoneMasked: input.phone ? maskPhone(input.phone) : null,
        startOn: input.startOn,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: current ? 'reassign' : 'pair',
        entity: 'cadre_pairing',
        entityId: newId,
        orgCode: h.villageCode,
        before: current ? { cadre: current.cadreName, startOn: current.startOn } : null,
        after: {
          householdNo: h.householdNo,
          cadre: cadre.display_name,
          unit: input.unit,
          startOn: input.startOn,
          reason: input.reason,
        },
      });
      return newId;
    });
    return toPairingRow((await findPairing(db, id, reachOf(ctx)))!);
  }

  async function endPairing(ctx: RequestContext, id: number, input: z.infer<typeof endPairingRequest>) {
    requirePermission(ctx, 'pairing:manage');
    const row = await findPairing(db, id, reachOf(ctx));
    if (!row) throw AppError.notFound({ zh: '结对记录', en: 'Pairing' });
    if (input.endOn < row.pairing.startOn)
      throw bad('endOn', '结束日期不能早于开始日期', 'The end cannot be before the start');
    await db.transaction(async (tx) => {
      if (!(await endPairingRow(tx, id, input.endOn, input.reason)))
        throw new AppError('CONFLICT', { zh: '结对已结束', en: 'The pairing has already ended' });
      await recordAudit(tx, ctx, {
        action: 'end',
        entity: 'cadre_pairing',
        entityId: id,
        orgCode: row.pairing.villageCode,
        after: input,
      });
    });
    return toPairingRow((await findPairing(db, id, reachOf(ctx)))!);
  }

  // ------------------------------------------------------------ sub-types

  async function subtypes(ctx: RequestContext) {
    requirePermission(ctx, 'assistance:read');
    const county = countyOf(ctx);
    let rows = await listSubtypes(db, county);
    if (rows.length === 0) {
      await seedSubtypes(
        db,
        county,
        DEFAULT_SUBTYPES.map((s, i) => ({
          category: s.category,
          code: s.code,
          labelZh: s.zh,
          continuesAfterElimination: s.continuesAfterElimination ?? null,
          sort: i,
        })),
      );
      rows = await listSubtypes(db, county);
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

  async function saveSubtype(ctx: RequestContext, input: z.infer<typeof subtypeRequest>) {
    requirePermission(ctx, 'assistance:manage');
    await subtypes(ctx);
    const county = countyOf(ctx);
    return db.transaction(async (tx) => {
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

  // ------------------------------------------------------------ measures

  function toMeasureRow(r: Awaited<ReturnType<typeof listMeasures>>[number]) {
    const m = r.measure;
    const evidence = Array.isArray(m.evidence)
      ? (m.evidence as { name: string; note?: string; attachmentId?: number }[])
      : [];
    return {
      id: m.id,
      householdId: m.householdId,
      householdNo: r.householdNo,
      headName: r.headName,
      villageCode: m.villageCode,
      riskType: m.riskType,
      category: m.category,
      subType: m.subType,
      subTypeLabel: r.subTypeLabel,
      department: m.department,
      startOn: m.startOn,
      endOn: m.endOn,
      amountFen: m.amountFen,
      status: m.status,
      evidence,
      attachments: [] as { id: number; fileName: string }[],
      note: m.note,
      version: m.version,
    };
  }

  /** Files uploaded as evidence, for readers who may see attachments (a cadre sees the evidence names only). */
  async function withAttachments(ctx: RequestContext, rows: ReturnType<typeof toMeasureRow>[]) {
    if (!attachments || rows.length === 0 || !can(ctx.actor.role, 'attachments:read')) return rows;
    const files = await attachments.listMany(
      ctx,
      MEASURE_ATTACHMENT_KIND,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      ...r,
      attachments: files.filter((f) => f.ownerId === r.id).map((f) => ({ id: f.id, fileName: f.fileName })),
    }));
  }

  async function checkMeasure(
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
      const list = await subtypes(ctx);
      if (!list.some((s) => s.category === input.category && s.code === input.subType && s.active))
        throw bad('subType', '措施子项不属于所选类别', 'The sub-type does not belong to the category');
    }
    if (input.subType === 'microLoan') {
      const { loanCapFen } = await params(countyOf(ctx), input.startOn);
      if (input.amountFen > loanCapFen)
        throw bad(
          'amountFen',
          `小额信贷不超过 ${loanCapFen / 100} 元（政策参数 loans.capFen）`,
          `A micro-loan is at most ${loanCapFen / 100} yuan`,
        );
    }
  }

  async function getMeasure(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'assistance:read');
    const [row] = await listMeasures(db, reachOf(ctx), { id, limit: 1 });
    if (!row) throw AppError.notFound({ zh: '帮扶措施', en: 'Measure' });
    return (await withAttachments(ctx, [toMeasureRow(row)]))[0];
  }

  async function createMeasure(ctx: RequestContext, input: z.infer<typeof measureInput>) {
    requirePermission(ctx, 'assistance:write');
    const { household: h } = await loadHousehold(db, ctx, input.householdId);
    await checkMeasure(ctx, h, input);
    const id = await db.transaction(async (tx) => {
      const newId = await insertMeasure(tx, {
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
      if (input.attachmentIds.length) {
        if (!attachments) throw bad('attachmentIds', '附件功能未启用', 'Attachments are not available');
        await attachments.link(tx, ctx, {
          ids: input.attachmentIds,
          ownerKind: MEASURE_ATTACHMENT_KIND,
          ownerId: newId,
          orgCode: h.villageCode,
        });
      }
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
    return getMeasure(ctx, id);
  }

  async function editMeasure(ctx: RequestContext, id: number, input: z.infer<typeof measureUpdate>) {
    requirePermission(ctx, 'assistance:write');
    const before = await getMeasure(ctx, id);
    const { household: h } = await loadHousehold(db, ctx, before.householdId);
    await checkMeasure(ctx, h, input);
    const { version, attachmentIds, ...fields } = input;
    await db.transaction(async (tx) => {
      const ok = await updateMeasure(tx, id, version, {
        ...fields,
        evidence: fields.evidence as unknown as Record<string, unknown>,
      });
      if (!ok)
        throw new AppError('CONFLICT', {
          zh: '措施已被他人修改，请刷新后重试',
          en: 'The measure was changed by someone else; reload',
        });
      if (attachmentIds.length && attachments)
        await attachments.link(tx, ctx, {
          ids: attachmentIds,
          ownerKind: MEASURE_ATTACHMENT_KIND,
          ownerId: id,
          orgCode: h.villageCode,
        });
      const pick = (m: Record<string, unknown>) => ({
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
      await recordAudit(tx, ctx, {
        action: 'update',
        entity: 'assistance_measure',
        entityId: id,
        orgCode: h.villageCode,
        before: pick(before),
        after: pick(fields),
      });
    });
    return getMeasure(ctx, id);
  }

  async function measures(ctx: RequestContext, q: z.infer<typeof measureListQuery>) {
    requirePermission(ctx, 'assistance:read');
    const filter = { orgPrefix: orgFilterPrefix(q.orgCode), category: q.category, status: q.status };
    const { afterId, limit, page, pageSize, sort, order } = q;
    const [rows, total] = await Promise.all([
      listMeasures(db, reachOf(ctx), { ...filter, afterId, limit, page, pageSize, sort, order }),
      countMeasures(db, reachOf(ctx), filter),
    ]);
    const items = rows.map(toMeasureRow);
    if (page !== undefined) return { items, total, nextAfterId: null, page, pageSize: pageWindow(q).pageSize };
    const nextAfterId = rows.length === limit ? rows[rows.length - 1].measure.id : null;
    return { items, total, nextAfterId, page: 1, pageSize: limit };
  }

  // ------------------------------------------------------------ household tab, obligations, recommendations

  const toObligation = (r: Awaited<ReturnType<typeof obligationsAsOf>>[number], asOf: string) => ({
    householdId: Number(r.household_id),
    householdNo: r.household_no,
    headName: r.head_name,
    villageCode: r.village_code,
    villageName: r.village_name,
    townshipCode: r.township_code,
    code: r.code,
    dueOn: r.due_on,
    overdueDays: Math.round((Date.parse(asOf) - Date.parse(r.due_on)) / DAY_MS),
    riskType: r.risk_type,
    measureId: r.measure_id === null ? null : Number(r.measure_id),
  });

  async function household(ctx: RequestContext, householdId: number) {
    requirePermission(ctx, 'assistance:read');
    const f = await readableHousehold(ctx, householdId);
    const asOf = today();
    const { months } = await params(f.county_code, asOf);
    const r = reachOf(ctx);
    const [pairingRows, measureRows, obligationRows, visitRows] = [
      await listPairings(db, r, { householdId, activeOnly: false }, { page: 1, pageSize: 500 }),
      await listMeasures(db, r, { householdId, limit: 500 }),
      await obligationsAsOf(db, r, asOf, months, { householdId, limit: 100 }),
      await visitsOfHousehold(db, householdId),
    ];
    const measureList = await withAttachments(ctx, measureRows.map(toMeasureRow));
    const recommendations =
      f.monitoring_status === 'monitored'
        ? recommendMeasures({
            risks: f.risk_types,
            labourCapableMembers: f.labour_capable,
            wholeHouseholdNoLabour: f.whole_household_no_labour,
            existingCategories: measureList
              .filter((m) => m.status === 'ongoing' || m.status === 'completed')
              .map((m) => m.category),
          })
        : [];
    return {
      household: {
        id: Number(f.id),
        householdNo: f.household_no,
        headName: f.head_name,
        villageCode: f.village_code,
        villageName: f.village_name,
        monitoringStatus: f.monitoring_status,
        monitoringType: f.monitoring_type,
        identificationPeriod: f.identification_period,
        eliminationPeriod: f.elimination_period,
        riskTypes: f.risk_types,
        labourCapableMembers: f.labour_capable,
        wholeHouseholdNoLabour: f.whole_household_no_labour,
      },
      pairings: pairingRows.map(toPairingRow),
      measures: measureList,
      obligations: obligationRows.map((o) => ({
        code: o.code,
        dueOn: o.due_on,
        riskType: o.risk_type,
        measureId: o.measure_id === null ? null : Number(o.measure_id),
      })),
      recommendations,
      visits: visitRows.map((v) => ({
        id: Number(v.id),
        visitedOn: v.visited_on,
        visitorName: v.visitor_name,
        findings: v.findings,
        riskFound: v.risk_found,
        riskTypes: v.risk_types,
      })),
    };
  }

  /** The obligations board: live as of today (or a given day), counts per township and the overdue households. */
  async function board(ctx: RequestContext, q: Omit<z.infer<typeof obligationQuery>, 'order'> & { order?: SortOrder }) {
    requirePermission(ctx, 'assistance:read');
    const asOf = q.asOf ?? today();
    const { months } = await params(countyOf(ctx), asOf);
    const orgPrefix = orgFilterPrefix(q.orgCode);
    const { counts } = await obligationCounts(db, reachOf(ctx), asOf, months, orgPrefix);
    const names = new Map(
      (
        await db.query.orgUnits.findMany({
          columns: { code: true, name: true },
          where: (o, { eq }) => eq(o.level, 'township'),
        })
      ).map((o) => [o.code, o.name]),
    );
    const townships = [...counts.entries()]
      .map(([townshipCode, byCode]) => {
        const c: Record<string, number> = Object.fromEntries(
          OBLIGATION_CODES.map((code) => [code, byCode.get(code)?.size ?? 0]),
        );
        const total = new Set([...byCode.values()].flatMap((s) => [...s])).size;
        return { townshipCode, townshipName: names.get(townshipCode) ?? null, counts: c, total };
      })
      .sort((a, b) => b.total - a.total || a.townshipCode.localeCompare(b.townshipCode));
    const filter = { orgPrefix, code: q.code };
    const win = listWindow({ page: q.page, pageSize: q.pageSize }, q.limit);
    const [items, total] = await Promise.all([
      pageObligations(db, reachOf(ctx), asOf, months, filter, { ...win, sort: q.sort, order: q.order }),
      countObligations(db, reachOf(ctx), asOf, months, filter),
    ]);
    return {
      asOf,
      townships,
      items: items.map((r) => toObligation(r, asOf)),
      total,
      page: win.page,
      pageSize: win.pageSize,
      truncated: win.offset + items.length < total,
    };
  }

  /** Every obligation row of the list's filters, page by page (the export writes what the list shows). */
  async function* allObligations(ctx: RequestContext, q: z.infer<typeof obligationExportQuery>) {
    requirePermission(ctx, 'assistance:read');
    const asOf = q.asOf ?? today();
    const { months } = await params(countyOf(ctx), asOf);
    const filter = { orgPrefix: orgFilterPrefix(q.orgCode), code: q.code };
    for (let page = 1; ; page++) {
      const rows = await pageObligations(db, reachOf(ctx), asOf, months, filter, { page, pageSize: 1000 });
      for (const r of rows) yield toObligation(r, asOf);
      if (rows.length < 1000) return;
    }
  }

  /** Every pairing of the list's filters, in the list's order, page by page. */
  async function* allPairings(ctx: RequestContext, q: z.infer<typeof pairingExportQuery>) {
    requirePermission(ctx, 'assistance:read');
    const filter = pairingFilter(q);
    for (let page = 1; ; page++) {
      const rows = await listPairings(db, reachOf(ctx), filter, { page, pageSize: 1000 });
      for (const r of rows) yield toPairingRow(r);
      if (rows.length < 1000) return;
    }
  }

  /** Counts of today's board per township and code, kept once a day (the daily check). */
  async function snapshot(countyCode: string, asOf = today()) {
    const { months } = await params(countyCode, asOf);
    const rows = snapshotRows(
      (await obligationCounts(db, { scopePrefix: countyCode.slice(0, 6), cadreUserId: null }, asOf, months)).counts,
    );
    await db.transaction((tx) => saveSnapshot(tx, countyCode, asOf, rows));
    return rows;
  }

  // ------------------------------------------------------------ cadre workspace

  async function workspace(ctx: RequestContext) {
    requirePermission(ctx, 'assistance:read');
    const asOf = today();
    const { months, visitIntervalDays } = await params(countyOf(ctx), asOf);
    const mine: Reach = { scopePrefix: ctx.actor.scopePrefix, cadreUserId: ctx.actor.id };
    const rows = await workspaceHouseholds(db, ctx.actor.id);
    const obligations = await obligationsAsOf(db, mine, asOf, months, { limit: 10_000 });
    const byHousehold = new Map<number, Set<ObligationCode>>();
    for (const o of obligations)
      byHousehold.set(Number(o.household_id), (byHousehold.get(Number(o.household_id)) ?? new Set()).add(o.code));
    const households = rows.map((r) => {
      const visitDueOn = r.last_visit_on ? addDays(r.last_visit_on, visitIntervalDays) : r.paired_since;
      return {
        householdId: Number(r.household_id),
        householdNo: r.household_no,
        headName: r.head_name,
        villageName: r.village_name,
        monitoringStatus: r.monitoring_status,
        kind: r.kind,
        riskTypes: r.risk_types,
        openClues: r.open_clues,
        lastVisitOn: r.last_visit_on,
        visitDueOn,
        visitDue: visitDueOn <= asOf,
        obligations: [...(byHousehold.get(Number(r.household_id)) ?? [])],
        pairedSince: r.paired_since,
      };
    });
    households.sort((a, b) => Number(b.visitDue) - Number(a.visitDue) || a.visitDueOn.localeCompare(b.visitDueOn));
    const recentVisits = (await recentVisitsBy(db, ctx.actor.id)).map((v) => ({
      id: Number(v.id),
      householdId: Number(v.household_id),
      householdNo: v.household_no,
      visitedOn: v.visited_on,
      findings: v.findings,
      riskFound: v.risk_found,
    }));
    return { cadreName: ctx.actor.displayName, asOf, visitIntervalDays, households, recentVisits };
  }

  return {
    cadres,
    pairings,
    unpaired,
    allPairings,
    allObligations,
    pair,
    endPairing,
    subtypes,
    saveSubtype,
    createMeasure,
    editMeasure,
    getMeasure,
    measures,
    household,
    board,
    snapshot,
    workspace,
    readableHousehold,
    params,
    /** Today in China by the service's clock (the default day of the board and its export). */
    today,
  };
}

export type AssistanceService = ReturnType<typeof createAssistanceService>;
