import type { Writable } from 'node:stream';
import type { z } from 'zod';
import {
  END_REASON_CODES,
  RELOCATION_IMPORT_HEADERS,
  RELOCATION_IMPORT_OPTIONAL,
  type correctRelocatedInput,
  type endRelocatedInput,
  type EndReason,
  type relocatedExportQuery,
  type relocatedInput,
  type relocatedListQuery,
  type siteInput,
  type siteListQuery,
  type HouseholdRelocation,
  type RelocatedRow,
  type RelocationEntry,
  type RelocationImportReport,
  type SiteRow,
} from '../../../common/contracts/relocation.ts';
import { validateIdNumber } from '../../../common/domain/id-card.ts';
import { countyCodeOf, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import { endDateProblem, relocationEmploymentStatus, sheetDate } from '../../../common/domain/relocation/rules.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { findHeader, readXlsxTextRows } from '../../lib/xlsx-rows.ts';
import { recordAudit } from '../audit/index.ts';
import { stableEmploymentOfHouseholds, type MemberEmployment } from '../employment/index.ts';
import {
  activeRelocationOf,
  countSites,
  endRelocated,
  entriesOfHousehold,
  findSite,
  householdInScope,
  householdOfPerson,
  insertRelocated,
  relocatedForUpdate,
  siteByName,
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

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === '23505') return true;
  return false;
}

/** The stored end reason: its code, then the free note after a newline. */
export function encodeEndReason(code: EndReason, note: string | null | undefined): string {
  return note ? `${code}\n${note}` : code;
}

export function decodeEndReason(stored: string | null): { endReason: EndReason | null; endNote: string | null } {
  if (stored === null) return { endReason: null, endNote: null };
  const [code, ...rest] = stored.split('\n');
  const known = (END_REASON_CODES as readonly string[]).includes(code) ? (code as EndReason) : 'other';
  const note = known === code ? rest.join('\n') : stored;
  return { endReason: known, endNote: note === '' ? null : note };
}

export function createRelocationService(
  db: Db,
  box: PersonalDataBox,
  clock: { today: () => string } = { today: () => todayInChina() },
) {
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
    const history: RelocationEntry[] = (await entriesOfHousehold(db, householdId)).map((x) => ({
      id: Number(x.id),
      siteId: Number(x.site_id),
      siteName: x.site_name,
      movedOn: x.moved_on,
      endedOn: x.ended_on,
      ...decodeEndReason(x.end_reason),
      note: x.note,
    }));
    return {
      householdId,
      history,
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

  // ---------------------------------------------------------------- end and correct (end-dated, never deleted)

  /** An entry in the actor's scope, locked; out of scope or unknown → 404, already ended → 409. */
  async function activeEntry(tx: Db, ctx: RequestContext, id: number) {
    const r = await relocatedForUpdate(tx, ctx.actor.scopePrefix, id);
    if (!r) throw AppError.notFound({ zh: '搬迁户登记', en: 'Relocation entry' });
    if (r.ended_on !== null)
      throw new AppError('CONFLICT', {
        zh: '该登记已结束，请刷新后查看',
        en: 'The entry has already ended; reload',
      });
    return r;
  }

  /** 结束: 迁出, 户内人员全部亡故, 误登记 or 其他, on a day between the move-in day and today (China). */
  async function endEntry(ctx: RequestContext, id: number, input: Input<typeof endRelocatedInput>) {
    requirePermission(ctx, 'programmes:write');
    return db.transaction(async (tx) => {
      const r = await activeEntry(tx, ctx, id);
      const problem = endDateProblem(r.moved_on, input.endedOn, clock.today());
      if (problem) throw AppError.validation([{ field: 'endedOn', messageZh: problem.zh, messageEn: problem.en }]);
      if (!(await endRelocated(tx, id, input.endedOn, encodeEndReason(input.reason, input.note))))
        throw new AppError('CONFLICT', { zh: '该登记已结束，请刷新后查看', en: 'The entry has already ended; reload' });
      await recordAudit(tx, ctx, {
        action: 'end',
        entity: 'relocated_household',
        entityId: id,
        orgCode: r.org_code,
        before: { endedOn: null },
        after: { endedOn: input.endedOn, reason: input.reason, note: input.note ?? null },
      });
      return { id, householdId: Number(r.household_id) };
    });
  }

  /**
   * 更正: the entry named the wrong site or move-in day. In one transaction the wrong row ends today with the reason
   * `correction` and a new one opens with the right site and day (the history keeps both).
   */
  async function correctEntry(ctx: RequestContext, id: number, input: Input<typeof correctRelocatedInput>) {
    requirePermission(ctx, 'programmes:write');
    const today = clock.today();
    if (input.movedOn > today)
      throw AppError.validation([
        { field: 'movedOn', messageZh: '入住日期不能晚于今天', messageEn: 'Move-in date is in the future' },
      ]);
    return db.transaction(async (tx) => {
      const r = await activeEntry(tx, ctx, id);
      const site = await findSite(tx, input.siteId);
      if (!site || site.countyCode !== r.county_code)
        throw AppError.validation([{ field: 'siteId', messageZh: '安置点不存在', messageEn: 'No such site' }]);
      if (Number(r.site_id) === input.siteId && r.moved_on === input.movedOn)
        throw AppError.validation([
          {
            field: 'siteId',
            messageZh: '安置点和入住日期都未改变，无需更正',
            messageEn: 'Neither the site nor the date changes',
          },
        ]);
      const before = await findSite(tx, Number(r.site_id));
      if (!(await endRelocated(tx, id, today, encodeEndReason('correction', input.note))))
        throw new AppError('CONFLICT', { zh: '该登记已结束，请刷新后查看', en: 'The entry has already ended; reload' });
      const newId = await insertRelocated(tx, {
        countyCode: r.county_code,
        orgCode: r.org_code,
        siteId: input.siteId,
        householdId: Number(r.household_id),
        movedOn: input.movedOn,
        note: r.note,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'correct',
        entity: 'relocated_household',
        entityId: newId,
        orgCode: r.org_code,
        before: { id, siteId: Number(r.site_id), siteName: before?.name ?? null, movedOn: r.moved_on },
        after: {
          id: newId,
          siteId: input.siteId,
          siteName: site.name,
          movedOn: input.movedOn,
          note: input.note ?? null,
        },
      });
      return { id: newId, householdId: Number(r.household_id) };
    });
  }

  // ---------------------------------------------------------------- 搬迁户名单 import

  /**
   * A department's list of relocated households (发改/乡村振兴局 搬迁户名单; docs/relocation.md): one row per person,
   * the head or any member, found by ID number (hash) among the active members of an open household in scope; the
   * name must match. Per row: add, already there (same household, same site: skipped) or an error. A dry run writes
   * nothing; the import re-checks every row and writes all additions in one transaction, or nothing if a row fails.
   */
  async function importList(ctx: RequestContext, buffer: Buffer, dryRun: boolean): Promise<RelocationImportReport> {
    requirePermission(ctx, 'programmes:write');
    const all = await readXlsxTextRows(buffer);
    const header = findHeader(all, RELOCATION_IMPORT_HEADERS);
    if (!header)
      throw new AppError('BAD_REQUEST', {
        zh: `未找到表头：${RELOCATION_IMPORT_HEADERS.join('、')}`,
        en: `Header row not found: ${RELOCATION_IMPORT_HEADERS.join(', ')}`,
      });
    const noteCol = all.find((r) => r.row === header.headerRow)!.cells.indexOf(RELOCATION_IMPORT_OPTIONAL);
    const data = all.filter((x) => x.row > header.headerRow && x.cells.some((c) => c !== ''));
    const today = clock.today();
    const county = countyCodeOf(ctx.actor.orgCode);
    const report: RelocationImportReport = { dryRun, rows: 0, created: 0, present: 0, errors: [], results: [] };
    const adds: {
      row: number;
      householdId: number;
      villageCode: string;
      countyCode: string;
      siteId: number;
      siteName: string;
      movedOn: string;
      note: string | null;
    }[] = [];
    const seen = new Map<number, { siteId: number; row: number }>();
    const sites = new Map<string, Awaited<ReturnType<typeof siteByName>>>();
    for (const r of data) {
      report.rows += 1;
      const cell = (h: string) => (r.cells[header.col[h]] ?? '').trim();
      const name = cell('姓名');
      const siteName = cell('安置点');
      const movedText = cell('搬迁入住日期');
      const note = noteCol >= 0 ? (r.cells[noteCol] ?? '').trim() || null : null;
      const problems: { field: string; message: string }[] = [];
      const fail = (field: string, message: string) => problems.push({ field, message });
      const id = validateIdNumber(cell('身份证号'), today);
      if (!id.ok) fail('身份证号', id.messageZh);
      if (!name) fail('姓名', '请填写姓名');
      if (!siteName) fail('安置点', '请填写安置点名称');
      const movedOn = sheetDate(movedText);
      if (!movedOn) fail('搬迁入住日期', '搬迁入住日期应为日期，如 2019-11-15');
      else if (movedOn > today) fail('搬迁入住日期', '搬迁入住日期不能晚于今天');
      if (note !== null && note.length > 500) fail('备注', '备注至多 500 个字');
      let site = siteName ? sites.get(siteName) : undefined;
      if (siteName && !sites.has(siteName)) {
        site = await siteByName(db, county, siteName);
        sites.set(siteName, site);
      }
      if (siteName && !site) fail('安置点', `本县没有名为“${siteName}”的安置点，请先在安置点中登记`);
      let householdNo: string | null = null;
      let outcome: 'add' | 'present' | 'error' = 'error';
      let message = '';
      if (problems.length === 0 && id.ok && site && movedOn) {
        const h = await householdOfPerson(db, ctx.actor.scopePrefix, box.hash(id.idNumber));
        if (!h) fail('身份证号', '本辖区无此在册人员（户主或家庭成员）');
        else if (h.person_name !== name) fail('姓名', `姓名与身份证号不符（在册姓名：${h.person_name}）`);
        else {
          householdNo = h.household_no;
          const householdId = Number(h.household_id);
          const active = await activeRelocationOf(db, h.county_code, householdId);
          const earlier = seen.get(householdId);
          if (active && Number(active.siteId) === Number(site.id)) {
            outcome = 'present';
            message = `已登记在该安置点（${active.movedOn} 入住），跳过`;
          } else if (active) {
            const at = await findSite(db, Number(active.siteId));
            fail('安置点', `该户已登记在“${at?.name ?? ''}”，如登记有误请在搬迁户列表中更正`);
          } else if (earlier && earlier.siteId === Number(site.id)) {
            outcome = 'present';
            message = `与第 ${earlier.row} 行为同一户，跳过`;
          } else if (earlier) fail('安置点', `与第 ${earlier.row} 行为同一户，但安置点不同`);
          else {
            outcome = 'add';
            message = dryRun ? '将登记为搬迁户' : '已登记为搬迁户';
            seen.set(householdId, { siteId: Number(site.id), row: r.row });
            adds.push({
              row: r.row,
              householdId,
              villageCode: h.village_code,
              countyCode: h.county_code,
              siteId: Number(site.id),
              siteName: site.name,
              movedOn,
              note,
            });
          }
        }
      }
      for (const p of problems) report.errors.push({ row: r.row, field: p.field, message: p.message });
      if (problems.length) {
        outcome = 'error';
        message = problems.map((p) => `${p.field}：${p.message}`).join('；');
      }
      if (outcome === 'add') report.created += 1;
      if (outcome === 'present') report.present += 1;
      report.results.push({ row: r.row, outcome, name, householdNo, siteName, movedOn: movedOn ?? movedText, message });
    }
    if (dryRun || report.errors.length > 0 || adds.length === 0) {
      if (!dryRun && report.errors.length > 0) {
        report.created = 0;
        for (const x of report.results) if (x.outcome === 'add') x.message = '未写入：表中有错误行，请改正后重新导入';
      }
      return report;
    }
    await db
      .transaction(async (tx) => {
        for (const a of adds) {
          requireInScope(ctx, a.villageCode);
          const newId = await insertRelocated(tx, {
            countyCode: a.countyCode,
            orgCode: a.villageCode,
            siteId: a.siteId,
            householdId: a.householdId,
            movedOn: a.movedOn,
            note: a.note,
            createdBy: ctx.actor.id || null,
          });
          await recordAudit(tx, ctx, {
            action: 'import',
            entity: 'relocated_household',
            entityId: newId,
            orgCode: a.villageCode,
            after: {
              householdId: a.householdId,
              siteId: a.siteId,
              siteName: a.siteName,
              movedOn: a.movedOn,
              row: a.row,
            },
          });
        }
      })
      .catch((err: unknown) => {
        // Another user registered one of the households meanwhile (relocated_household_active_uq).
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', {
            zh: '名单中有农户刚被他人登记为搬迁户，请重新导入',
            en: 'A household on the list was registered meanwhile; import again',
          });
        throw err;
      });
    return report;
  }

  /** The list's layout to fill in: the header row and one example row (GB 11643's example ID). */
  function importTemplate() {
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '易地扶贫搬迁户名单',
            headers: [...RELOCATION_IMPORT_HEADERS, RELOCATION_IMPORT_OPTIONAL],
            rows: (async function* () {
              yield ['11010519491231002X', '张三', '龙港镇东庄移民新村安置点', '2019-11-15', ''];
            })(),
          },
        ],
        null,
      );
  }

  return {
    listSitesPage,
    createSite,
    listRelocated,
    prepareRelocatedExport,
    addRelocated,
    household,
    endEntry,
    correctEntry,
    importList,
    importTemplate,
  };
}
export type RelocationService = ReturnType<typeof createRelocationService>;
