import {
  RELOCATION_IMPORT_HEADERS,
  RELOCATION_IMPORT_OPTIONAL,
  type RelocationImportReport,
} from '#common/contracts/relocation.ts';
import { validateIdNumber } from '#common/domain/id-card.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { sheetDate } from '#common/domain/relocation/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { findHeader, readXlsxTextRows, type TextRow } from '#server/lib/xlsx-rows.ts';
import { recordAudit } from '../audit/index.ts';
import {
  activeRelocationOf,
  findSite,
  householdOfPerson,
  insertRelocated,
  siteByName,
} from './relocation.repository.ts';
import { isUniqueViolation, type RelocationDeps } from './relocation.shared.ts';

// 搬迁户名单 import (docs/relocation.md): each row checked on its own, then matched to a household in scope; a dry run
// writes nothing, the import writes every addition in one transaction or nothing.

type Site = Awaited<ReturnType<typeof siteByName>> | undefined;
type Fail = (field: string, message: string) => void;
type Header = NonNullable<ReturnType<typeof findHeader>>;

interface Addition {
  row: number;
  householdId: number;
  villageCode: string;
  countyCode: string;
  siteId: number;
  siteName: string;
  movedOn: string;
  note: string | null;
}

/** One import's state: the report, the additions, the households already placed by a row, the sites looked up. */
interface ImportRun {
  d: RelocationDeps;
  ctx: RequestContext;
  dryRun: boolean;
  today: string;
  county: string;
  report: RelocationImportReport;
  adds: Addition[];
  seen: Map<number, { siteId: number; row: number }>;
  sites: Map<string, Site>;
}

/** The sheet's header row and its data rows (400 without the header). */
async function readList(buffer: Buffer) {
  const all = await readXlsxTextRows(buffer);
  const header = findHeader(all, RELOCATION_IMPORT_HEADERS);
  if (!header)
    throw new AppError('BAD_REQUEST', {
      zh: `未找到表头：${RELOCATION_IMPORT_HEADERS.join('、')}`,
      en: `Header row not found: ${RELOCATION_IMPORT_HEADERS.join(', ')}`,
    });
  const noteCol = all.find((r) => r.row === header.headerRow)!.cells.indexOf(RELOCATION_IMPORT_OPTIONAL);
  const data = all.filter((x) => x.row > header.headerRow && x.cells.some((c) => c !== ''));
  return { header, noteCol, data };
}

/** The county's site of that name, looked up once per import. */
async function siteNamed(run: ImportRun, siteName: string): Promise<Site> {
  let site = siteName ? run.sites.get(siteName) : undefined;
  if (siteName && !run.sites.has(siteName)) {
    site = await siteByName(run.d.db, run.county, siteName);
    run.sites.set(siteName, site);
  }
  return site;
}

/** A row's cells read and checked on their own: ID number, name, site, move-in day, note. */
async function rowCells(run: ImportRun, r: TextRow, header: Header, noteCol: number, fail: Fail) {
  const cell = (h: string) => (r.cells[header.col[h]] ?? '').trim();
  const name = cell('姓名');
  const siteName = cell('安置点');
  const movedText = cell('搬迁入住日期');
  const note = noteCol >= 0 ? (r.cells[noteCol] ?? '').trim() || null : null;
  const id = validateIdNumber(cell('身份证号'), run.today);
  if (!id.ok) fail('身份证号', id.messageZh);
  if (!name) fail('姓名', '请填写姓名');
  if (!siteName) fail('安置点', '请填写安置点名称');
  const movedOn = sheetDate(movedText);
  if (!movedOn) fail('搬迁入住日期', '搬迁入住日期应为日期，如 2019-11-15');
  else if (movedOn > run.today) fail('搬迁入住日期', '搬迁入住日期不能晚于今天');
  if (note !== null && note.length > 500) fail('备注', '备注至多 500 个字');
  const site = await siteNamed(run, siteName);
  if (siteName && !site) fail('安置点', `本县没有名为“${siteName}”的安置点，请先在安置点中登记`);
  return { name, siteName, movedText, movedOn, note, id, site };
}

interface Placement {
  outcome: 'add' | 'present' | 'error';
  message: string;
  householdNo: string | null;
}

interface RowFacts {
  row: number;
  idHash: string;
  name: string;
  site: NonNullable<Site>;
  movedOn: string;
  note: string | null;
}

/** The person's household in scope and what the row does to it: add, already there (skipped) or an error. */
async function placeRow(run: ImportRun, f: RowFacts, fail: Fail): Promise<Placement> {
  const { db } = run.d;
  const error = (householdNo: string | null): Placement => ({ outcome: 'error', message: '', householdNo });
  const h = await householdOfPerson(db, run.ctx.actor.scopePrefix, f.idHash);
  if (!h) {
    fail('身份证号', '本辖区无此在册人员（户主或家庭成员）');
    return error(null);
  }
  if (h.person_name !== f.name) {
    fail('姓名', `姓名与身份证号不符（在册姓名：${h.person_name}）`);
    return error(null);
  }
  const householdNo = h.household_no;
  const householdId = Number(h.household_id);
  const siteId = Number(f.site.id);
  const active = await activeRelocationOf(db, h.county_code, householdId);
  const earlier = run.seen.get(householdId);
  if (active && Number(active.siteId) === siteId)
    return { outcome: 'present', message: `已登记在该安置点（${active.movedOn} 入住），跳过`, householdNo };
  if (active) {
    const at = await findSite(db, Number(active.siteId));
    fail('安置点', `该户已登记在“${at?.name ?? ''}”，如登记有误请在搬迁户列表中更正`);
    return error(householdNo);
  }
  if (earlier && earlier.siteId === siteId)
    return { outcome: 'present', message: `与第 ${earlier.row} 行为同一户，跳过`, householdNo };
  if (earlier) {
    fail('安置点', `与第 ${earlier.row} 行为同一户，但安置点不同`);
    return error(householdNo);
  }
  run.seen.set(householdId, { siteId, row: f.row });
  run.adds.push({
    row: f.row,
    householdId,
    villageCode: h.village_code,
    countyCode: h.county_code,
    siteId,
    siteName: f.site.name,
    movedOn: f.movedOn,
    note: f.note,
  });
  return { outcome: 'add', message: run.dryRun ? '将登记为搬迁户' : '已登记为搬迁户', householdNo };
}

/** One data row into the report (its errors, its outcome and message). */
async function checkRow(run: ImportRun, r: TextRow, header: Header, noteCol: number) {
  const report = run.report;
  report.rows += 1;
  const problems: { field: string; message: string }[] = [];
  const fail: Fail = (field, message) => problems.push({ field, message });
  const c = await rowCells(run, r, header, noteCol, fail);
  let placed: Placement = { outcome: 'error', message: '', householdNo: null };
  if (problems.length === 0 && c.id.ok && c.site && c.movedOn) {
    const idHash = run.d.box.hash(c.id.idNumber);
    placed = await placeRow(
      run,
      { row: r.row, idHash, name: c.name, site: c.site, movedOn: c.movedOn, note: c.note },
      fail,
    );
  }
  for (const p of problems) report.errors.push({ row: r.row, field: p.field, message: p.message });
  let { outcome, message } = placed;
  if (problems.length) {
    outcome = 'error';
    message = problems.map((p) => `${p.field}：${p.message}`).join('；');
  }
  if (outcome === 'add') report.created += 1;
  if (outcome === 'present') report.present += 1;
  report.results.push({
    row: r.row,
    outcome,
    name: c.name,
    householdNo: placed.householdNo,
    siteName: c.siteName,
    movedOn: c.movedOn ?? c.movedText,
    message,
  });
}

/** Every addition in one transaction, each audited; a household registered meanwhile by another user → 409. */
async function writeAdditions(run: ImportRun) {
  const { ctx } = run;
  await run.d.db
    .transaction(async (tx) => {
      for (const a of run.adds) {
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
          after: { householdId: a.householdId, siteId: a.siteId, siteName: a.siteName, movedOn: a.movedOn, row: a.row },
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
}

/**
 * A department's list of relocated households (发改/乡村振兴局 搬迁户名单; docs/relocation.md): one row per person,
 * the head or any member, found by ID number (hash) among the active members of an open household in scope; the
 * name must match. Per row: add, already there (same household, same site: skipped) or an error. A dry run writes
 * nothing; the import re-checks every row and writes all additions in one transaction, or nothing if a row fails.
 */
export async function importList(
  d: RelocationDeps,
  ctx: RequestContext,
  buffer: Buffer,
  dryRun: boolean,
): Promise<RelocationImportReport> {
  requirePermission(ctx, 'programmes:write');
  const { header, noteCol, data } = await readList(buffer);
  const run: ImportRun = {
    d,
    ctx,
    dryRun,
    today: d.clock.today(),
    county: countyCodeOf(ctx.actor.orgCode),
    report: { dryRun, rows: 0, created: 0, present: 0, errors: [], results: [] },
    adds: [],
    seen: new Map(),
    sites: new Map(),
  };
  for (const r of data) await checkRow(run, r, header, noteCol);
  const report = run.report;
  if (dryRun || report.errors.length > 0 || run.adds.length === 0) {
    if (!dryRun && report.errors.length > 0) {
      report.created = 0;
      for (const x of report.results) if (x.outcome === 'add') x.message = '未写入：表中有错误行，请改正后重新导入';
    }
    return report;
  }
  await writeAdditions(run);
  return report;
}
