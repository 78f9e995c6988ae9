import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  relocatedExportQuery,
  relocatedInput,
  relocatedListQuery,
  siteInput,
  siteListQuery,
  HouseholdRelocation,
  RelocatedRow,
  SiteRow,
} from '../../../common/contracts/relocation.ts';
import { countyCodeOf, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import { relocationEmploymentStatus } from '../../../common/domain/relocation/rules.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { stableEmploymentOfHouseholds, type MemberEmployment } from '../employment/index.ts';
import {
  activeRelocationOf,
  countSites,
  findSite,
  householdInScope,
  insertRelocated,
  insertSite,
  listSites,
  relocatedRows,
  siteNameTaken,
  siteWhere,
  type RelocatedDbRow,
} from './relocation.repository.ts';

// 易地扶贫搬迁后续扶持 (沁发〔2021〕17号 §二(一)4): 安置点, the households relocated into them, and the check
// "确保有劳动能力的搬迁家庭每户至少一人稳定就业" over the employment ledger (employment module, its parameters
// employment.stableMonths of employment.stableWindowMonths). Permission, scope, one transaction with audit per write.

type Input<T extends z.ZodType> = z.infer<T>;

export const STATUS_ZH = { met: '已达到', short: '未达到', noLabour: '无劳动能力' } as const;

export function createRelocationService(db: Db, clock: { today: () => string } = { today: () => todayInChina() }) {
  /** The employment check of relocated households, per household (grouped by county for the parameters). */
  async function checkOf(rows: readonly { household_id: number; village_code: string }[]) {
    const period = clock.today().slice(0, 7);
    const byCounty = new Map<string, number[]>();
    for (const r of rows) {
      const c = countyCodeOf(r.village_code);
      byCounty.set(c, [...(byCounty.get(c) ?? []), Number(r.household_id)]);
    }
    const members = new Map<number, MemberEmployment[]>();
    let window = { stableMonths: 0, stableWindowMonths: 0 };
    for (const [county, ids] of byCounty) {
      const e = await stableEmploymentOfHouseholds(db, ids, county, period);
      window = { stableMonths: e.stableMonths, stableWindowMonths: e.stableWindowMonths };
      for (const m of e.members) members.set(m.householdId, [...(members.get(m.householdId) ?? []), m]);
    }
    return { members, window };
  }

  async function window(countyCode: string) {
    const e = await stableEmploymentOfHouseholds(db, [], countyCode, clock.today().slice(0, 7));
    return { stableMonths: e.stableMonths, stableWindowMonths: e.stableWindowMonths };
  }

  function toRow(r: RelocatedDbRow, members: readonly MemberEmployment[]): RelocatedRow {
    return {
      id: Number(r.id),
      householdId: Number(r.household_id),
      householdNo: r.household_no,
      headName: r.head_name,
      villageCode: r.village_code,
      villageName: r.village_name,
      siteId: Number(r.site_id),
      siteName: r.site_name,
      movedOn: r.moved_on,
      members: members.length,
      labourers: members.filter((m) => m.labourer).length,
      stablyEmployed: members.filter((m) => m.stable).length,
      status: relocationEmploymentStatus(members),
    };
  }

  // ---------------------------------------------------------------- sites

  async function listSitesPage(ctx: RequestContext, q: Input<typeof siteListQuery>) {
    requirePermission(ctx, 'programmes:read');
    if (q.orgCode) requireInScope(ctx, q.orgCode);
    const where = siteWhere(ctx.actor.scopePrefix, orgFilterPrefix(q.orgCode));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [total, sites] = await Promise.all([countSites(db, where), listSites(db, where, w, q)]);
    const rows = await relocatedRows(db, { scopePrefix: ctx.actor.scopePrefix, siteIds: sites.map((s) => s.id) });
    const { members } = await checkOf(rows);
    const items: SiteRow[] = sites.map((s) => {
      const mine = rows.filter((r) => Number(r.site_id) === Number(s.id));
      return {
        id: Number(s.id),
        orgCode: s.org_code,
        orgName: s.org_name,
        name: s.name,
        plannedHouseholds: s.planned_households,
        plannedPeople: s.planned_people,
        completedOn: s.completed_on,
        note: s.note,
        households: mine.length,
        people: mine.reduce((n, r) => n + (members.get(Number(r.household_id))?.length ?? 0), 0),
        short: mine.filter((r) => relocationEmploymentStatus(members.get(Number(r.household_id)) ?? []) === 'short')
          .length,
      };
    });
    return { items, total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function createSite(ctx: RequestContext, input: Input<typeof siteInput>) {
    requirePermission(ctx, 'programmes:write');
    requireInScope(ctx, input.orgCode);
    const countyCode = countyCodeOf(input.orgCode);
    if (await siteNameTaken(db, countyCode, input.name))
      throw AppError.validation([
        { field: 'name', messageZh: '已有同名安置点', messageEn: 'A site with this name exists' },
      ]);
    const id = await db.transaction(async (tx) => {
      const newId = await insertSite(tx, {
        countyCode,
        orgCode: input.orgCode,
        name: input.name,
        plannedHouseholds: input.plannedHouseholds,
        plannedPeople: input.plannedPeople ?? null,
        completedOn: input.completedOn ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'relocation_site',
        entityId: newId,
        orgCode: input.orgCode,
        after: { ...input },
      });
      return newId;
    });
    return { id };
  }

  // ---------------------------------------------------------------- relocated households and the check

  async function relocatedAll(ctx: RequestContext, q: Input<typeof relocatedExportQuery>) {
    requirePermission(ctx, 'programmes:read');
    if (q.orgCode) requireInScope(ctx, q.orgCode);
    const rows = await relocatedRows(db, {
      scopePrefix: ctx.actor.scopePrefix,
      orgPrefix: orgFilterPrefix(q.orgCode),
      siteIds: q.siteId === undefined ? undefined : [q.siteId],
    });
    const { members } = await checkOf(rows);
    const all = rows.map((r) => toRow(r, members.get(Number(r.household_id)) ?? []));
    return q.short ? all.filter((r) => r.status === 'short') : all;
  }

  /** The list's page: the check runs over the relocated households in scope, then the page is cut. */
  async function listRelocated(ctx: RequestContext, q: Input<typeof relocatedListQuery>) {
    const all = await relocatedAll(ctx, q);
    const key = q.sort ?? 'householdNo';
    const value = (r: RelocatedRow) =>
      key === 'movedOn' ? r.movedOn + r.householdNo : key === 'site' ? r.siteName + r.householdNo : r.householdNo;
    const sorted = [...all].sort(
      (a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (q.order === 'desc' ? -1 : 1),
    );
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    return {
      items: sorted.slice((page - 1) * pageSize, page * pageSize),
      total: all.length,
      page,
      pageSize,
      ...(await window(countyCodeOf(ctx.actor.orgCode))),
    };
  }

  async function prepareRelocatedExport(ctx: RequestContext, q: Input<typeof relocatedExportQuery>) {
    requirePermission(ctx, 'programmes:read');
    const rows = await relocatedAll(ctx, q);
    const w = await window(countyCodeOf(ctx.actor.orgCode));
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'relocated_household',
        orgCode: q.orgCode ?? ctx.actor.orgCode,
        after: { format: '易地搬迁户稳定就业核查', ...q, rows: rows.length },
      }),
    );
    return async (out: Writable) => {
      async function* cells(): AsyncGenerator<Cell[]> {
        for (const r of rows)
          yield [
            r.householdNo,
            r.headName,
            r.villageName ?? r.villageCode,
            r.siteName,
            r.movedOn,
            r.members,
            r.labourers,
            r.stablyEmployed,
            STATUS_ZH[r.status],
          ];
      }
      await writeLedger(
        out,
        [
          {
            title: '搬迁户稳定就业',
            caption: `易地扶贫搬迁户稳定就业核查（近${w.stableWindowMonths}个月就业不少于${w.stableMonths}个月为稳定就业）`,
            headers: [
              { header: '户编号', kind: 'code' },
              '户主',
              '原居住村',
              '安置点',
              { header: '搬迁入住日期', kind: 'date' },
              { header: '家庭人口（人）', kind: 'integer' },
              { header: '劳动力（人）', kind: 'integer' },
              { header: '稳定就业（人）', kind: 'integer' },
              '每户至少一人稳定就业',
            ],
            rows: cells(),
          },
        ],
        ledgerMeta(ctx),
      );
    };
  }

  async function addRelocated(ctx: RequestContext, input: Input<typeof relocatedInput>) {
    requirePermission(ctx, 'programmes:write');
    const h = await householdInScope(db, ctx.actor.scopePrefix, input.householdId);
    if (!h) throw AppError.notFound({ zh: '农户', en: 'Household' });
    const site = await findSite(db, input.siteId);
    if (!site || site.countyCode !== h.county_code)
      throw AppError.validation([{ field: 'siteId', messageZh: '安置点不存在', messageEn: 'No such site' }]);
    if (input.movedOn > clock.today())
      throw AppError.validation([
        { field: 'movedOn', messageZh: '入住日期不能晚于今天', messageEn: 'Move-in date is in the future' },
      ]);
    if (await activeRelocationOf(db, h.county_code, input.householdId))
      throw AppError.validation([
        { field: 'householdId', messageZh: '该户已登记为搬迁户', messageEn: 'The household is already relocated' },
      ]);
    const id = await db.transaction(async (tx) => {
      const newId = await insertRelocated(tx, {
        countyCode: h.county_code,
        orgCode: h.village_code,
        siteId: input.siteId,
        householdId: input.householdId,
        movedOn: input.movedOn,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'relocated_household',
        entityId: newId,
        orgCode: h.village_code,
        after: { ...input, siteName: site.name },
      });
      return newId;
    });
    return { id, householdId: input.householdId };
  }

  /** The household page's section: its relocation, each member's stable employment and the household's status. */
  async function household(ctx: RequestContext, householdId: number): Promise<HouseholdRelocation> {
    requirePermission(ctx, 'programmes:read');
    const h = await householdInScope(db, ctx.actor.scopePrefix, householdId);
    if (!h) throw AppError.notFound({ zh: '农户', en: 'Household' });
    const [r] = await relocatedRows(db, { scopePrefix: ctx.actor.scopePrefix, householdId });
    const e = await stableEmploymentOfHouseholds(db, [householdId], h.county_code, clock.today().slice(0, 7));
    return {
      householdId,
      relocation: r
        ? { id: Number(r.id), siteId: Number(r.site_id), siteName: r.site_name, movedOn: r.moved_on }
        : null,
      status: r ? relocationEmploymentStatus(e.members) : null,
      stableMonths: e.stableMonths,
      stableWindowMonths: e.stableWindowMonths,
      members: e.members.map((m) => ({
        personId: m.personId,
        name: m.name,
        labourer: m.labourer,
        monthsEmployed: m.monthsEmployed,
        stable: m.stable,
      })),
    };
  }

  return { listSitesPage, createSite, listRelocated, prepareRelocatedExport, addRelocated, household };
}
export type RelocationService = ReturnType<typeof createRelocationService>;
