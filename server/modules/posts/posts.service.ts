import type { Writable } from 'node:stream';
import type { z } from 'zod';
import {
  POST_IMPORT_HEADERS,
  type exitInput,
  type hireExportQuery,
  type hireInput,
  type hireListQuery,
  type monthInput,
  type postInput,
  type postListQuery,
  type HireRow,
  type PostRow,
} from '../../../common/contracts/posts.ts';
import { countyCodeOf, levelOfCode, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import {
  EXIT_REASONS,
  FUNDING_SOURCES,
  POST_TYPES,
  codeOfZh,
  zhOf,
  type FundingSource,
  type PostType,
} from '../../../common/domain/posts/codes.ts';
import { hireErrors, monthErrors, type HireLimits } from '../../../common/domain/posts/eligibility.ts';
import { LABOUR_SKILLS } from '../../../common/domain/registry/codes.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { readSheetRows } from '../../lib/xlsx-rows.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { setPublicWelfarePost } from '../registry/index.ts';
import * as repo from './posts.repository.ts';

// 公益岗位 (沁发〔2021〕17号 §二(三)2 四是: 按需设岗、以岗聘任、在岗领补、有序退岗; §二(三)1 四是: 光伏电站收益设岗).
// Posts by village and type; a hire passes the pure eligibility rule (common/domain/posts/eligibility.ts) with the
// county's parameters in force on the hire date; months record attendance and the subsidy paid; an exit end-dates
// the hire (history kept). Every write is audited in its transaction. The registry's person.public_welfare_post
// follows the hires (set on a hire, cleared on the last exit) through registry/index.ts setPublicWelfarePost.

type PostListQuery = z.infer<typeof postListQuery>;
type HireListQuery = z.infer<typeof hireListQuery>;
type HireExportQuery = z.infer<typeof hireExportQuery>;

const POST = { zh: '公益岗位', en: 'Post' };
const HIRE = { zh: '聘用记录', en: 'Hire' };

function toPostRow(r: Awaited<ReturnType<typeof repo.listPosts>>[number]): PostRow {
  const x = r.post;
  return {
    id: x.id,
    orgCode: x.orgCode,
    villageName: r.villageName,
    townshipName: r.townshipName,
    name: x.name,
    postType: x.postType as PostType,
    funding: x.funding as FundingSource,
    assetId: x.assetId,
    assetName: r.assetName,
    monthlySubsidyFen: x.monthlySubsidyFen,
    slots: x.slots,
    occupied: Number(r.occupied),
    status: x.status,
  };
}

function toHireRow(r: Awaited<ReturnType<typeof repo.listHires>>[number]): HireRow {
  const x = r.hire;
  return {
    id: x.id,
    postId: x.postId,
    postName: r.postName,
    postType: r.postType as PostType,
    orgCode: x.orgCode,
    villageName: r.villageName,
    householdId: x.householdId,
    householdNo: r.householdNo,
    personId: x.personId,
    personName: r.personName,
    hiredOn: x.hiredOn,
    cadreFamily: x.cadreFamily,
    exitedOn: x.exitedOn,
    exitReason: x.exitReason as HireRow['exitReason'],
    exitNote: x.exitNote,
    monthlySubsidyFen: r.monthlySubsidyFen,
    paidFen: Number(r.paidFen),
    months: Number(r.months),
  };
}

const hireFilter = (q: HireExportQuery) => ({
  orgPrefix: orgFilterPrefix(q.orgCode),
  postType: q.postType,
  status: q.status,
  postId: q.postId,
  q: q.q,
});

export function createPostsService(db: Db, box: PersonalDataBox) {
  /** Read through `tx` inside a transaction (PGlite has one connection: a second one would wait for ever). */
  async function limitsFor(tx: Db, countyCode: string, date: string): Promise<HireLimits> {
    const params = await resolveAll(tx, countyCode, date.slice(0, 7));
    return {
      minHireAge: numberParam(params, 'posts.minHireAge'),
      maxHireAge: numberParam(params, 'posts.maxHireAge'),
      maxPerHousehold: numberParam(params, 'posts.maxPerHousehold'),
    };
  }

  async function listPosts(ctx: RequestContext, q: PostListQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.postWhere(ctx.actor.scopePrefix, {
      orgPrefix: orgFilterPrefix(q.orgCode),
      postType: q.postType,
      status: q.status,
      q: q.q,
    });
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listPosts(db, where, q, w), repo.countPosts(db, where)]);
    return { items: rows.map(toPostRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function getPost(ctx: RequestContext, id: number): Promise<PostRow> {
    const where = repo.postWhere(ctx.actor.scopePrefix, { id });
    const [row] = await repo.listPosts(db, where, {}, { page: 1, pageSize: 1, offset: 0 });
    if (!row) throw AppError.notFound(POST);
    return toPostRow(row);
  }

  /** 按需设岗: a post in a village; a photovoltaic post may name the PV asset whose income funds it. */
  async function createPost(ctx: RequestContext, input: z.infer<typeof postInput>): Promise<PostRow> {
    requirePermission(ctx, 'programmes:write');
    requireInScope(ctx, input.orgCode);
    if (levelOfCode(input.orgCode) !== 'village')
      throw AppError.validation([
        { field: 'orgCode', messageZh: '公益岗位设在行政村', messageEn: 'A post is set up in a village' },
      ]);
    if (input.assetId) {
      const asset = await repo.photovoltaicAsset(db, ctx.actor.scopePrefix, input.assetId);
      if (!asset || !asset.photovoltaic || asset.status !== 'inUse')
        throw AppError.validation([
          {
            field: 'assetId',
            messageZh: '资金来源资产须为本辖区在用的光伏扶贫电站',
            messageEn: 'The funding asset must be a photovoltaic station in use within your scope',
          },
        ]);
    }
    const id = await db.transaction(async (tx) => {
      const newId = await repo.insertPost(tx, {
        countyCode: countyCodeOf(input.orgCode),
        orgCode: input.orgCode,
        name: input.name,
        postType: input.postType,
        funding: input.funding,
        assetId: input.assetId ?? null,
        monthlySubsidyFen: input.monthlySubsidyFen,
        slots: input.slots,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'welfare_post',
        entityId: newId,
        orgCode: input.orgCode,
        after: input,
      });
      return newId;
    });
    return getPost(ctx, id);
  }

  async function listHires(ctx: RequestContext, q: HireListQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.hireWhere(ctx.actor.scopePrefix, hireFilter(q));
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [rows, total] = await Promise.all([repo.listHires(db, where, q, w), repo.countHires(db, where)]);
    return { items: rows.map(toHireRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function getHire(ctx: RequestContext, id: number) {
    const [row] = await repo.listHires(
      db,
      repo.hireWhere(ctx.actor.scopePrefix, { id }),
      {},
      { pageSize: 1, offset: 0 },
    );
    if (!row) throw AppError.notFound(HIRE);
    const months = await repo.monthsOf(db, [id]);
    return { ...toHireRow(row), monthRecords: months.map(toMonth) };
  }

  const toMonth = (m: Awaited<ReturnType<typeof repo.monthsOf>>[number]) => ({
    id: m.id,
    period: m.period,
    daysWorked: m.daysWorked,
    subsidyFen: m.subsidyFen,
    paidOn: m.paidOn,
  });

  /** 以岗聘任: the eligibility rule with the parameters in force on the hire date, in one transaction with the insert. */
  async function hireInTx(tx: Db, ctx: RequestContext, postId: number, input: z.infer<typeof hireInput>) {
    const post = await repo.findPost(tx, ctx.actor.scopePrefix, postId, true);
    if (!post) throw AppError.notFound(POST);
    if (post.status !== 'open') throw new AppError('CONFLICT', { zh: '岗位已撤销', en: 'The post is closed' });
    const person = await repo.personFacts(tx, ctx.actor.scopePrefix, input.personId);
    if (!person)
      throw AppError.validation([
        { field: 'personId', messageZh: '本辖区无此在册人员', messageEn: 'No such registered person in your scope' },
      ]);
    if (person.villageCode !== post.orgCode)
      throw AppError.validation([
        {
          field: 'personId',
          messageZh: '聘用对象须为本村在册人员',
          messageEn: 'The person must live in the post’s village',
        },
      ]);
    if (input.hiredOn > todayInChina())
      throw AppError.validation([
        { field: 'hiredOn', messageZh: '聘用日期不能晚于今天', messageEn: 'The hire date is in the future' },
      ]);
    await repo.lockHousehold(tx, person.householdId);
    const counts = await repo.activeHireCounts(tx, person.householdId, person.personId);
    const occupied = (await repo.countHires(tx, repo.hireWhere('', { postId, status: 'active' }))) ?? 0;
    if (occupied >= post.slots)
      throw AppError.validation([
        {
          field: 'postId',
          messageZh: `岗位名额 ${post.slots} 个已满`,
          messageEn: `All ${post.slots} places are taken`,
        },
      ]);
    const errors = hireErrors(
      {
        householdKind: person.householdKind,
        monitoringStatus: person.monitoringStatus,
        labourSkill: person.labourSkill,
        birthDate: person.birthDate,
        hiredOn: input.hiredOn,
        activeHiresInHousehold: counts.household,
        personHasPost: counts.person > 0,
        cadreFamily: input.cadreFamily,
      },
      await limitsFor(tx, post.countyCode, input.hiredOn),
    );
    if (errors.length) throw AppError.validation(errors);
    const id = await repo.insertHire(tx, {
      countyCode: post.countyCode,
      orgCode: post.orgCode,
      postId,
      householdId: person.householdId,
      personId: person.personId,
      hiredOn: input.hiredOn,
      cadreFamily: input.cadreFamily,
      createdBy: ctx.actor.id || null,
    });
    await setPublicWelfarePost(tx, person.personId, true);
    await recordAudit(tx, ctx, {
      action: 'hire',
      entity: 'welfare_post_hire',
      entityId: id,
      orgCode: post.orgCode,
      after: { postId, householdId: person.householdId, personId: person.personId, hiredOn: input.hiredOn },
    });
    return id;
  }

  async function hire(ctx: RequestContext, postId: number, input: z.infer<typeof hireInput>) {
    requirePermission(ctx, 'programmes:write');
    const id = await db.transaction((tx) => hireInTx(tx, ctx, postId, input));
    return getHire(ctx, id);
  }

  /** 有序退岗: end-dates the hire with its reason; the row and its months stay. */
  async function exit(ctx: RequestContext, hireId: number, input: z.infer<typeof exitInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
      const hireRow = await repo.findHire(tx, ctx.actor.scopePrefix, hireId, true);
      if (!hireRow) throw AppError.notFound(HIRE);
      if (hireRow.exitedOn) throw new AppError('CONFLICT', { zh: '已退岗', en: 'Already exited' });
      if (input.exitedOn < hireRow.hiredOn || input.exitedOn > todayInChina())
        throw AppError.validation([
          {
            field: 'exitedOn',
            messageZh: '退岗日期须在聘用日期之后且不晚于今天',
            messageEn: 'The exit date lies between the hire date and today',
          },
        ]);
      await repo.endHire(tx, hireId, {
        exitedOn: input.exitedOn,
        exitReason: input.reason,
        exitNote: input.note ?? null,
      });
      const left = await repo.activeHireCounts(tx, hireRow.householdId, hireRow.personId);
      await setPublicWelfarePost(tx, hireRow.personId, left.person > 0);
      await recordAudit(tx, ctx, {
        action: 'exit',
        entity: 'welfare_post_hire',
        entityId: hireId,
        orgCode: hireRow.orgCode,
        before: { exitedOn: null },
        after: { exitedOn: input.exitedOn, reason: input.reason, note: input.note ?? null },
      });
    });
    return getHire(ctx, hireId);
  }

  /** 在岗领补: a month's attendance and subsidy (paid when paidOn is set); a correction replaces the month. */
  async function recordMonth(ctx: RequestContext, hireId: number, input: z.infer<typeof monthInput>) {
    requirePermission(ctx, 'programmes:write');
    await db.transaction(async (tx) => {
      const hireRow = await repo.findHire(tx, ctx.actor.scopePrefix, hireId, true);
      if (!hireRow) throw AppError.notFound(HIRE);
      const post = await repo.findPost(tx, '', hireRow.postId);
      const errors = monthErrors(input, post!.monthlySubsidyFen);
      const monthStart = `${input.period}-01`;
      if (monthStart < hireRow.hiredOn.slice(0, 7) + '-01' || (hireRow.exitedOn && monthStart > hireRow.exitedOn))
        errors.push({
          field: 'period',
          messageZh: '月份须在聘用期内',
          messageEn: 'The month lies outside the hire',
        });
      if (input.period > todayInChina().slice(0, 7))
        errors.push({ field: 'period', messageZh: '不能登记未来月份', messageEn: 'The month is in the future' });
      if (errors.length) throw AppError.validation(errors);
      await repo.upsertMonth(tx, {
        countyCode: hireRow.countyCode,
        orgCode: hireRow.orgCode,
        hireId,
        period: input.period,
        daysWorked: input.daysWorked,
        subsidyFen: input.subsidyFen,
        paidOn: input.paidOn ?? null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'month',
        entity: 'welfare_post_hire',
        entityId: hireId,
        orgCode: hireRow.orgCode,
        after: input,
      });
    });
    return getHire(ctx, hireId);
  }

  /** The household page's section: its hires (current and past) with months, and its members for a new hire. */
  async function household(ctx: RequestContext, householdId: number) {
    requirePermission(ctx, 'programmes:read');
    if (!(await repo.householdInScope(db, ctx.actor.scopePrefix, householdId)))
      throw AppError.notFound({ zh: '农户', en: 'Household' });
    const rows = await repo.listHires(
      db,
      repo.hireWhere(ctx.actor.scopePrefix, { householdId }),
      { sort: 'hiredOn', order: 'desc' },
      { pageSize: 200, offset: 0 },
    );
    const months = await repo.monthsOf(
      db,
      rows.map((r) => r.hire.id),
    );
    const members = await repo.householdMembers(db, ctx.actor.scopePrefix, householdId);
    return {
      hires: rows.map((r) => ({
        ...toHireRow(r),
        monthRecords: months.filter((m) => m.hireId === r.hire.id).map(toMonth),
      })),
      members: members.map((m) => ({
        personId: Number(m.person_id),
        name: m.name,
        birthDate: m.birth_date,
        labourSkill: m.labour_skill,
      })),
    };
  }

  /** 公益岗位人员台账 (.xlsx): the hire list's rows under the same filters, audited. */
  async function exportHires(ctx: RequestContext, q: HireExportQuery) {
    requirePermission(ctx, 'programmes:read');
    const where = repo.hireWhere(ctx.actor.scopePrefix, hireFilter(q));
    const total = await repo.countHires(db, where);
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        entity: 'welfare_post_hire',
        orgCode: ctx.actor.orgCode,
        after: { ledger: '公益岗位人员台账', rows: total, filters: q },
      }),
    );
    async function* rows(): AsyncGenerator<Cell[]> {
      const pageSize = 500;
      for (let offset = 0; ; offset += pageSize) {
        const batch = await repo.listHires(db, where, { sort: 'orgCode' }, { pageSize, offset });
        for (const r of batch.map(toHireRow))
          yield [
            r.villageName,
            r.householdNo,
            r.personName,
            r.postName,
            zhOf(POST_TYPES, r.postType),
            r.hiredOn,
            r.monthlySubsidyFen / 100,
            r.months,
            r.paidFen / 100,
            r.exitedOn,
            r.exitReason ? zhOf(EXIT_REASONS, r.exitReason) : null,
          ];
        if (batch.length < pageSize) return;
      }
    }
    return (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: '公益岗位人员台账',
            headers: [
              '村',
              { header: '户编号', kind: 'code' },
              '姓名',
              '岗位名称',
              '岗位类型',
              { header: '聘用日期', kind: 'date' },
              { header: '月补贴(元)', kind: 'yuan' },
              { header: '登记月数', kind: 'integer' },
              { header: '已发补贴(元)', kind: 'yuan' },
              { header: '退岗日期', kind: 'date' },
              '退岗原因',
            ],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
  }

  /**
   * Import in the layout a township or 人社 sheet comes in (POST_IMPORT_HEADERS, header row within the first five
   * rows): one hire per row; the post is found by village and name or set up; each row passes the same checks as a
   * hire on screen. Dry run: every row checked, nothing kept. A real import keeps the rows without errors.
   */
  async function importHires(ctx: RequestContext, buffer: Buffer, dryRun: boolean) {
    requirePermission(ctx, 'programmes:write');
    const sheet = await readSheetRows(buffer, POST_IMPORT_HEADERS);
    const errors: { row: number; field: string; message: string }[] = [];
    let created = 0;
    let rows = 0;
    for (const r of sheet) {
      rows += 1;
      const { cell } = r;
      const fail = (field: string, message: string) => errors.push({ row: r.row, field, message });
      const orgCode = cell('村代码');
      const postType = codeOfZh(POST_TYPES, cell('岗位类型'));
      const funding = codeOfZh(FUNDING_SOURCES, cell('资金来源'));
      const yuan = Number(cell('月补贴(元)'));
      const idNumber = cell('身份证号').toUpperCase();
      const hiredOn = cell('聘用日期');
      const cadre = cell('是否村干部家属');
      if (!/^\d{12}$/.test(orgCode)) fail('村代码', '村代码须为12位数字');
      if (!cell('岗位名称')) fail('岗位名称', '请填写岗位名称');
      if (!postType) fail('岗位类型', `岗位类型应为 ${POST_TYPES.map((t) => t.zh).join('、')} 之一`);
      if (!funding) fail('资金来源', `资金来源应为 ${FUNDING_SOURCES.map((t) => t.zh).join('、')} 之一`);
      if (!Number.isFinite(yuan) || yuan < 0) fail('月补贴(元)', '月补贴须为非负金额');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(hiredOn)) fail('聘用日期', '聘用日期格式 YYYY-MM-DD');
      if (!['是', '否', ''].includes(cadre)) fail('是否村干部家属', '填“是”或“否”');
      if (errors.some((e) => e.row === r.row)) continue;
      const person = await repo.personFactsByHash(db, ctx.actor.scopePrefix, countyCodeOf(orgCode), box.hash(idNumber));
      if (!person) {
        fail('身份证号', '本辖区无此在册人员');
        continue;
      }
      try {
        await db.transaction(async (tx) => {
          requireInScope(ctx, orgCode);
          const found = await repo.listPosts(
            tx,
            repo.postWhere(ctx.actor.scopePrefix, { orgPrefix: orgCode, status: 'open' }),
            {},
            { page: 1, pageSize: 200, offset: 0 },
          );
          let postId = found.find((f) => f.post.orgCode === orgCode && f.post.name === cell('岗位名称'))?.post.id;
          if (!postId) {
            postId = await repo.insertPost(tx, {
              countyCode: countyCodeOf(orgCode),
              orgCode,
              name: cell('岗位名称'),
              postType: postType!,
              funding: funding!,
              monthlySubsidyFen: Math.round(yuan * 100),
              createdBy: ctx.actor.id || null,
            });
            await recordAudit(tx, ctx, {
              action: 'import',
              entity: 'welfare_post',
              entityId: postId,
              orgCode,
              after: { name: cell('岗位名称'), postType, funding },
            });
          }
          await hireInTx(tx, ctx, postId, { personId: person.personId, hiredOn, cadreFamily: cadre === '是' });
          if (dryRun) throw new DryRun();
        });
        created += 1;
      } catch (err) {
        if (err instanceof DryRun) {
          created += 1;
          continue;
        }
        if (err instanceof AppError) {
          const fields = err.fields ?? [];
          if (fields.length) for (const f of fields) fail(f.field, f.messageZh);
          else fail('', err.messageZh);
          continue;
        }
        throw err;
      }
    }
    return { dryRun, rows, created, errors };
  }

  return {
    listPosts,
    getPost,
    createPost,
    listHires,
    getHire,
    hire,
    exit,
    recordMonth,
    household,
    exportHires,
    importHires,
  };
}

class DryRun extends Error {}

export type PostsService = ReturnType<typeof createPostsService>;

/** The Chinese name of a labour-skill code (the household section shows it). */
export const labourZh = (code: string) => zhOf(LABOUR_SKILLS, code);
