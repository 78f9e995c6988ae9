import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  employmentExportQuery,
  employmentInput,
  employmentListQuery,
  employmentUpdate,
  figuresQuery,
  followUpInput,
  trainingExportQuery,
  trainingInput,
  trainingListQuery,
  workshopExportQuery,
  workshopInput,
  workshopListQuery,
  EmploymentFigures,
  EmploymentImportReport,
  EmploymentRow,
  HouseholdEmployment,
  TrainingRow,
  WorkshopRow,
} from '../../../common/contracts/employment.ts';
import {
  employmentFigures,
  employedInMonth,
  isLabourer,
  monthsEmployed,
  type CertificateRateBase,
  type EmploymentParams,
  type PlaceKind,
  type Spell,
} from '../../../common/domain/employment/rules.ts';
import { countyCodeOf, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { todayInChina } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { pageWindow } from '../../lib/paging.ts';
import { requireInScope, requirePermission } from '../../lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '../../lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import {
  countEmployment,
  countTraining,
  countWorkshops,
  factsOfPeople,
  findEmployment,
  findWorkshop,
  followUpsOf,
  insertEmployment,
  insertFollowUp,
  insertTraining,
  insertWorkshop,
  listEmployment,
  listTraining,
  listWorkshops,
  householdInReach,
  personHousehold,
  programmePeople,
  updateEmployment,
  updateWorkshop,
  type EmploymentFilter,
  type Reach,
  type TrainingFilter,
  type WorkshopFilter,
} from './employment.repository.ts';
import { checkImport, JOB_HEADERS, TRAINING_HEADERS } from './employment.import.ts';
import { CERTIFICATE_ZH, FOLLOW_UP_ZH, PLACE_ZH, TRAINING_ZH, labourZh } from './employment.labels.ts';

// Employment and training (就业与培训, 沁发〔2021〕17号 §二(三)2): jobs, 稳岗 follow-ups, training with certificates,
// 扶贫车间. Permission, scope (a paired cadre: his households only), rules, one transaction with audit per write.

type Input<T extends z.ZodType> = z.infer<T>;

const NOT_FOUND_JOB = { zh: '务工记录', en: 'Employment record' };
const NOT_FOUND_WORKSHOP = { zh: '扶贫车间', en: 'Workshop' };
const NOT_FOUND_PERSON = { zh: '人员', en: 'Person' };
const STALE = new AppError('CONFLICT', {
  zh: '记录已被他人修改，请刷新后重试',
  en: 'The record was changed; reload and retry',
});

export function reachOfCtx(ctx: RequestContext): Reach {
  return { scopePrefix: ctx.actor.scopePrefix, cadreUserId: ctx.actor.role === 'cadre' ? ctx.actor.id : null };
}

/** The employment parameters in force for the county and month. */
export async function employmentParams(db: Db, countyCode: string, period: string) {
  const p = await resolveAll(db, countyCode, period);
  const base = p['employment.certificateRateBase']?.value;
  return {
    minDaysInMonth: numberParam(p, 'employment.minDaysInMonth'),
    stableMonths: numberParam(p, 'employment.stableMonths'),
    stableWindowMonths: numberParam(p, 'employment.stableWindowMonths'),
    certificateRateBase: (base === 'labour' ? 'labour' : 'trained') as CertificateRateBase,
  } satisfies EmploymentParams & { certificateRateBase: CertificateRateBase };
}

/** Spells by person, for the pure rules. */
export function spellsByPerson(
  jobs: readonly { person_id: number; start_on: string; end_on: string | null; place_kind: string }[],
) {
  const out = new Map<number, Spell[]>();
  for (const j of jobs) {
    const list = out.get(Number(j.person_id)) ?? [];
    list.push({ startOn: j.start_on, endOn: j.end_on, placeKind: j.place_kind as PlaceKind });
    out.set(Number(j.person_id), list);
  }
  return out;
}

function toJobRow(r: Awaited<ReturnType<typeof listEmployment>>[number]): EmploymentRow {
  const e = r.e;
  return {
    id: e.id,
    householdId: e.householdId,
    householdNo: r.householdNo,
    personId: e.personId,
    personName: r.personName,
    labourSkill: r.labourSkill,
    villageCode: e.villageCode,
    villageName: r.villageName,
    placeKind: e.placeKind,
    place: e.place,
    employer: e.employer,
    job: e.job,
    startOn: e.startOn,
    endOn: e.endOn,
    monthlyIncomeFen: e.monthlyIncomeFen,
    workshopId: e.workshopId,
    workshopName: r.workshopName,
    source: e.source,
    note: e.note,
    lastFollowUpOn: r.lastFollowUpOn,
    lastFollowUpStatus: r.lastFollowUpStatus as EmploymentRow['lastFollowUpStatus'],
    version: e.version,
  };
}

function toTrainingRow(r: Awaited<ReturnType<typeof listTraining>>[number]): TrainingRow {
  const t = r.t;
  return {
    id: t.id,
    householdId: t.householdId,
    householdNo: r.householdNo,
    personId: t.personId,
    personName: r.personName,
    villageCode: t.villageCode,
    villageName: r.villageName,
    kind: t.kind,
    course: t.course,
    provider: t.provider,
    startOn: t.startOn,
    endOn: t.endOn,
    certificateKind: t.certificateKind,
    certificateNo: t.certificateNo,
    certifiedOn: t.certifiedOn,
    source: t.source,
  };
}

function toWorkshopRow(r: Awaited<ReturnType<typeof listWorkshops>>[number]): WorkshopRow {
  const w = r.w;
  return {
    id: w.id,
    villageCode: w.villageCode,
    villageName: r.villageName,
    name: w.name,
    operator: w.operator,
    recognisedOn: w.recognisedOn,
    employeesTotal: w.employeesTotal,
    employeesAssisted: w.employeesAssisted,
    subsidyFen: w.subsidyFen,
    subsidyPaidOn: w.subsidyPaidOn,
    status: w.status,
    note: w.note,
    version: w.version,
  };
}

const ALL = { page: 1, pageSize: 1_000_000, offset: 0 };

export function createEmploymentService(
  db: Db,
  box: PersonalDataBox,
  clock: { today: () => string } = { today: () => todayInChina() },
) {
  function jobFilter(ctx: RequestContext, q: Input<typeof employmentExportQuery>): EmploymentFilter {
    if (q.orgCode) requireInScope(ctx, q.orgCode);
    return {
      orgPrefix: orgFilterPrefix(q.orgCode),
      placeKind: q.placeKind,
      current: q.current === '1',
      today: clock.today(),
      q: q.q,
    };
  }

  /** The person's household in reach; a person outside it answers 404. */
  async function householdOfPerson(ctx: RequestContext, personId: number) {
    const h = await personHousehold(db, personId);
    if (!h) throw AppError.notFound(NOT_FOUND_PERSON);
    requireInScope(ctx, h.villageCode);
    if (ctx.actor.role === 'cadre') {
      const people = await programmePeople(db, reachOfCtx(ctx), { householdId: h.householdId });
      if (people.length === 0) throw AppError.notFound(NOT_FOUND_PERSON);
    }
    return h;
  }

  async function listJobs(ctx: RequestContext, q: Input<typeof employmentListQuery>) {
    requirePermission(ctx, 'assistance:read');
    const f = jobFilter(ctx, q);
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [total, rows] = await Promise.all([
      countEmployment(db, reachOfCtx(ctx), f),
      listEmployment(db, reachOfCtx(ctx), f, w, q),
    ]);
    return { items: rows.map(toJobRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function getJob(ctx: RequestContext, id: number): Promise<EmploymentRow> {
    const [row] = await listEmployment(db, reachOfCtx(ctx), { id }, { page: 1, pageSize: 1, offset: 0 }, {});
    if (!row) throw AppError.notFound(NOT_FOUND_JOB);
    return toJobRow(row);
  }

  async function requireWorkshop(ctx: RequestContext, id: number | null | undefined) {
    if (!id) return;
    if (!(await findWorkshop(db, id, ctx.actor.scopePrefix)))
      throw AppError.validation([
        { field: 'workshopId', messageZh: '扶贫车间不存在或不在本辖区', messageEn: 'Workshop not found in scope' },
      ]);
  }

  async function createJob(ctx: RequestContext, input: Input<typeof employmentInput>) {
    requirePermission(ctx, 'assistance:write');
    const h = await householdOfPerson(ctx, input.personId);
    await requireWorkshop(ctx, input.workshopId);
    const id = await db.transaction(async (tx) => {
      const newId = await insertEmployment(tx, {
        countyCode: h.countyCode,
        villageCode: h.villageCode,
        householdId: h.householdId,
        personId: input.personId,
        placeKind: input.placeKind,
        place: input.place,
        employer: input.employer ?? null,
        job: input.job ?? null,
        startOn: input.startOn,
        endOn: input.endOn ?? null,
        monthlyIncomeFen: input.monthlyIncomeFen,
        workshopId: input.workshopId ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'employment_record',
        entityId: newId,
        orgCode: h.villageCode,
        after: { ...input },
      });
      return newId;
    });
    return getJob(ctx, id);
  }

  async function updateJob(ctx: RequestContext, id: number, input: Input<typeof employmentUpdate>) {
    requirePermission(ctx, 'assistance:write');
    await requireWorkshop(ctx, input.workshopId);
    await db.transaction(async (tx) => {
      const before = await findEmployment(tx, id, reachOfCtx(ctx), true);
      if (!before) throw AppError.notFound(NOT_FOUND_JOB);
      const set = {
        placeKind: input.placeKind,
        place: input.place,
        employer: input.employer ?? null,
        job: input.job ?? null,
        startOn: input.startOn,
        endOn: input.endOn ?? null,
        monthlyIncomeFen: input.monthlyIncomeFen,
        workshopId: input.workshopId ?? null,
        note: input.note ?? null,
      };
      if (!(await updateEmployment(tx, id, input.version, set))) throw STALE;
      // History: the audit row keeps the values before and after, and the reason.
      await recordAudit(tx, ctx, {
        action: 'update',
        entity: 'employment_record',
        entityId: id,
        orgCode: before.villageCode,
        before: {
          placeKind: before.placeKind,
          place: before.place,
          employer: before.employer,
          job: before.job,
          startOn: before.startOn,
          endOn: before.endOn,
          monthlyIncomeFen: before.monthlyIncomeFen,
          workshopId: before.workshopId,
          note: before.note,
        },
        after: { ...set, reason: input.reason },
      });
    });
    return getJob(ctx, id);
  }

  /** A 稳岗 follow-up; 离岗 ends the job on that day when it is still open. */
  async function addFollowUp(ctx: RequestContext, id: number, input: Input<typeof followUpInput>) {
    requirePermission(ctx, 'assistance:write');
    await db.transaction(async (tx) => {
      const job = await findEmployment(tx, id, reachOfCtx(ctx), true);
      if (!job) throw AppError.notFound(NOT_FOUND_JOB);
      if (input.on < job.startOn)
        throw AppError.validation([
          { field: 'on', messageZh: '跟踪日期不能早于务工开始日期', messageEn: 'Follow-up before the job started' },
        ]);
      if (input.on > clock.today())
        throw AppError.validation([
          { field: 'on', messageZh: '跟踪日期不能晚于今天', messageEn: 'Follow-up date in the future' },
        ]);
      const followUpId = await insertFollowUp(tx, {
        countyCode: job.countyCode,
        villageCode: job.villageCode,
        employmentId: id,
        on: input.on,
        status: input.status,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      if (input.status === 'left' && (job.endOn === null || job.endOn > input.on))
        await updateEmployment(tx, id, job.version, { endOn: input.on });
      await recordAudit(tx, ctx, {
        action: 'followUp',
        entity: 'employment_record',
        entityId: id,
        orgCode: job.villageCode,
        before: { endOn: job.endOn },
        after: { followUpId, ...input },
      });
    });
    return getJob(ctx, id);
  }

  function trainingFilter(ctx: RequestContext, q: Input<typeof trainingExportQuery>): TrainingFilter {
    if (q.orgCode) requireInScope(ctx, q.orgCode);
    return { orgPrefix: orgFilterPrefix(q.orgCode), kind: q.kind, certified: q.certified, q: q.q };
  }

  async function listTrainings(ctx: RequestContext, q: Input<typeof trainingListQuery>) {
    requirePermission(ctx, 'assistance:read');
    const f = trainingFilter(ctx, q);
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [total, rows] = await Promise.all([
      countTraining(db, reachOfCtx(ctx), f),
      listTraining(db, reachOfCtx(ctx), f, w, q),
    ]);
    return { items: rows.map(toTrainingRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function createTraining(
    ctx: RequestContext,
    input: Input<typeof trainingInput>,
    source: 'manual' | 'import' = 'manual',
  ) {
    requirePermission(ctx, 'assistance:write');
    const h = await householdOfPerson(ctx, input.personId);
    const id = await db.transaction(async (tx) => {
      const newId = await insertTraining(tx, {
        countyCode: h.countyCode,
        villageCode: h.villageCode,
        householdId: h.householdId,
        personId: input.personId,
        kind: input.kind,
        course: input.course,
        provider: input.provider ?? null,
        startOn: input.startOn,
        endOn: input.endOn,
        certificateKind: input.certificateKind ?? null,
        certificateNo: input.certificateNo ?? null,
        certifiedOn: input.certifiedOn ?? null,
        source,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'training_record',
        entityId: newId,
        orgCode: h.villageCode,
        after: { ...input },
      });
      return newId;
    });
    return id;
  }

  function workshopFilter(ctx: RequestContext, q: Input<typeof workshopExportQuery>): WorkshopFilter {
    if (q.orgCode) requireInScope(ctx, q.orgCode);
    return { orgPrefix: orgFilterPrefix(q.orgCode), status: q.status, q: q.q };
  }

  async function listWorkshopPage(ctx: RequestContext, q: Input<typeof workshopListQuery>) {
    requirePermission(ctx, 'assistance:read');
    const f = workshopFilter(ctx, q);
    const w = pageWindow({ ...q, page: q.page ?? 1 });
    const [total, rows] = await Promise.all([
      countWorkshops(db, ctx.actor.scopePrefix, f),
      listWorkshops(db, ctx.actor.scopePrefix, f, w, q),
    ]);
    return { items: rows.map(toWorkshopRow), total, page: w.page ?? 1, pageSize: w.pageSize };
  }

  async function getWorkshop(ctx: RequestContext, id: number) {
    const [row] = await listWorkshops(db, ctx.actor.scopePrefix, { id }, { page: 1, pageSize: 1, offset: 0 }, {});
    if (!row) throw AppError.notFound(NOT_FOUND_WORKSHOP);
    return toWorkshopRow(row);
  }

  function requireVillage(villageCode: string) {
    if (!/^\d{12}$/.test(villageCode) || villageCode.endsWith('000'))
      throw AppError.validation([
        { field: 'villageCode', messageZh: '请选择车间所在的行政村', messageEn: 'Choose the village of the workshop' },
      ]);
  }

  async function createWorkshop(ctx: RequestContext, input: Input<typeof workshopInput>) {
    requirePermission(ctx, 'assistance:write');
    requireInScope(ctx, input.villageCode);
    requireVillage(input.villageCode);
    const id = await db.transaction(async (tx) => {
      const newId = await insertWorkshop(tx, {
        ...input,
        countyCode: countyCodeOf(input.villageCode),
        recognisedOn: input.recognisedOn ?? null,
        subsidyFen: input.subsidyFen ?? null,
        subsidyPaidOn: input.subsidyPaidOn ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.id || null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'employment_workshop',
        entityId: newId,
        orgCode: input.villageCode,
        after: { ...input },
      });
      return newId;
    });
    return getWorkshop(ctx, id);
  }

  async function updateWorkshopRow(
    ctx: RequestContext,
    id: number,
    input: Input<typeof workshopInput> & { version: number },
  ) {
    requirePermission(ctx, 'assistance:write');
    requireInScope(ctx, input.villageCode);
    requireVillage(input.villageCode);
    await db.transaction(async (tx) => {
      const before = await findWorkshop(tx, id, ctx.actor.scopePrefix, true);
      if (!before) throw AppError.notFound(NOT_FOUND_WORKSHOP);
      const { version, ...rest } = input;
      const set = {
        ...rest,
        recognisedOn: rest.recognisedOn ?? null,
        subsidyFen: rest.subsidyFen ?? null,
        subsidyPaidOn: rest.subsidyPaidOn ?? null,
        note: rest.note ?? null,
      };
      if (!(await updateWorkshop(tx, id, version, set))) throw STALE;
      const { id: _id, createdAt: _c, updatedAt: _u, ...old } = before;
      await recordAudit(tx, ctx, {
        action: 'update',
        entity: 'employment_workshop',
        entityId: id,
        orgCode: before.villageCode,
        before: old,
        after: set,
      });
    });
    return getWorkshop(ctx, id);
  }

  /** 就业率, 持证率 and 外出务工人数 of the people of 脱贫户 and monitored households in scope, for a month. */
  async function figures(ctx: RequestContext, q: Input<typeof figuresQuery>): Promise<EmploymentFigures> {
    requirePermission(ctx, 'assistance:read');
    if (q.orgCode) requireInScope(ctx, q.orgCode);
    const period = q.period ?? clock.today().slice(0, 7);
    const p = await employmentParams(db, countyCodeOf(ctx.actor.orgCode), period);
    const f = { orgPrefix: orgFilterPrefix(q.orgCode) };
    const people = await programmePeople(db, reachOfCtx(ctx), f);
    const { jobs, trainings } = await factsOfPeople(db, reachOfCtx(ctx), f);
    const spells = spellsByPerson(jobs);
    const certified = new Map(trainings.map((t) => [Number(t.person_id), t.certified]));
    const figures = employmentFigures(
      people.map((x) => ({
        labourSkill: x.labour_skill,
        spells: spells.get(Number(x.person_id)) ?? [],
        trained: certified.has(Number(x.person_id)),
        certified: certified.get(Number(x.person_id)) === true,
      })),
      period,
      p,
    );
    return {
      period,
      people: people.length,
      ...figures,
      certificateRateBase: p.certificateRateBase,
      minDaysInMonth: p.minDaysInMonth,
    };
  }

  /** The household page's section: each member's labour, work this month and over the window, jobs and training. */
  async function household(ctx: RequestContext, householdId: number): Promise<HouseholdEmployment> {
    requirePermission(ctx, 'assistance:read');
    const r = reachOfCtx(ctx);
    if (!(await householdInReach(db, r, householdId))) throw AppError.notFound({ zh: '农户', en: 'Household' });
    const people = await programmePeople(db, r, { householdId });
    const period = clock.today().slice(0, 7);
    const p = await employmentParams(db, countyCodeOf(ctx.actor.orgCode), period);
    const { jobs, trainings } = await factsOfPeople(db, r, { householdId });
    const spells = spellsByPerson(jobs);
    const certified = new Map(trainings.map((t) => [Number(t.person_id), t.certified]));
    const jobRows = (await listEmployment(db, r, { householdId }, ALL, { sort: 'startOn', order: 'desc' })).map(
      toJobRow,
    );
    const followUps = await followUpsOf(
      db,
      jobRows.map((j) => j.id),
    );
    const trainingRows = (await listTraining(db, r, { householdId }, ALL, { sort: 'startOn', order: 'desc' })).map(
      toTrainingRow,
    );
    return {
      householdId,
      period,
      members: people.map((x) => {
        const s = spells.get(Number(x.person_id)) ?? [];
        const months = monthsEmployed(s, period, p);
        return {
          personId: Number(x.person_id),
          name: x.name,
          relationship: x.relationship,
          labourSkill: x.labour_skill,
          labourer: isLabourer(x.labour_skill),
          employedThisMonth: employedInMonth(s, period, p.minDaysInMonth),
          monthsEmployed: months,
          stable: months >= p.stableMonths,
          certified: certified.get(Number(x.person_id)) === true,
        };
      }),
      jobs: jobRows.map((j) => ({
        ...j,
        followUps: followUps
          .filter((f) => f.employmentId === j.id)
          .map((f) => ({ id: f.id, on: f.on, status: f.status, note: f.note })),
      })),
      trainings: trainingRows,
      stableMonths: p.stableMonths,
      stableWindowMonths: p.stableWindowMonths,
    };
  }

  // ---------------------------------------------------------------- ledgers (.xlsx), what the list filters

  async function auditExport(ctx: RequestContext, entity: string, format: string, filter: object) {
    await db.transaction((tx) =>
      recordAudit(tx, ctx, { action: 'export', entity, orgCode: ctx.actor.orgCode, after: { format, ...filter } }),
    );
  }

  async function prepareJobsExport(ctx: RequestContext, q: Input<typeof employmentExportQuery>) {
    requirePermission(ctx, 'assistance:export');
    const f = jobFilter(ctx, q);
    await auditExport(ctx, 'employment_record', '务工就业台账', q);
    const r = reachOfCtx(ctx);
    return async (out: Writable) => {
      async function* rows(): AsyncGenerator<Cell[]> {
        for (let page = 1; ; page++) {
          const batch = await listEmployment(db, r, f, { page, pageSize: 1000, offset: (page - 1) * 1000 }, {});
          for (const row of batch.map(toJobRow))
            yield [
              row.householdNo,
              row.personName,
              labourZh(row.labourSkill),
              row.villageName ?? row.villageCode,
              PLACE_ZH[row.placeKind],
              row.place,
              row.employer,
              row.job,
              row.startOn,
              row.endOn,
              row.monthlyIncomeFen / 100,
              row.workshopName,
              row.lastFollowUpOn,
              row.lastFollowUpStatus ? FOLLOW_UP_ZH[row.lastFollowUpStatus] : null,
              row.note,
            ];
          if (batch.length < 1000) return;
        }
      }
      await writeLedger(
        out,
        [
          {
            title: '务工就业台账',
            headers: [
              '户编号',
              '姓名',
              '劳动技能',
              '行政村',
              '务工地点类别',
              '务工地点',
              '就业单位',
              '工种',
              '开始日期',
              '结束日期',
              '月收入（元）',
              '扶贫车间',
              '最近跟踪日期',
              '跟踪结果',
              '备注',
            ],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
    };
  }

  async function prepareTrainingExport(ctx: RequestContext, q: Input<typeof trainingExportQuery>) {
    requirePermission(ctx, 'assistance:export');
    const f = trainingFilter(ctx, q);
    await auditExport(ctx, 'training_record', '技能培训台账', q);
    const r = reachOfCtx(ctx);
    return async (out: Writable) => {
      async function* rows(): AsyncGenerator<Cell[]> {
        for (let page = 1; ; page++) {
          const batch = await listTraining(db, r, f, { page, pageSize: 1000, offset: (page - 1) * 1000 }, {});
          for (const row of batch.map(toTrainingRow))
            yield [
              row.householdNo,
              row.personName,
              row.villageName ?? row.villageCode,
              TRAINING_ZH[row.kind],
              row.course,
              row.provider,
              row.startOn,
              row.endOn,
              row.certificateKind ? CERTIFICATE_ZH[row.certificateKind] : '未取得',
              row.certificateNo,
              row.certifiedOn,
            ];
          if (batch.length < 1000) return;
        }
      }
      await writeLedger(
        out,
        [
          {
            title: '技能培训台账',
            headers: [
              '户编号',
              '姓名',
              '行政村',
              '培训类型',
              '培训项目',
              '培训机构',
              '开始日期',
              '结束日期',
              '证书类型',
              '证书编号',
              '发证日期',
            ],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
    };
  }

  async function prepareWorkshopExport(ctx: RequestContext, q: Input<typeof workshopExportQuery>) {
    requirePermission(ctx, 'assistance:export');
    const f = workshopFilter(ctx, q);
    await auditExport(ctx, 'employment_workshop', '扶贫车间台账', q);
    return async (out: Writable) => {
      async function* rows(): AsyncGenerator<Cell[]> {
        for (let page = 1; ; page++) {
          const batch = await listWorkshops(
            db,
            ctx.actor.scopePrefix,
            f,
            { page, pageSize: 1000, offset: (page - 1) * 1000 },
            {},
          );
          for (const row of batch.map(toWorkshopRow))
            yield [
              row.name,
              row.villageName ?? row.villageCode,
              row.operator,
              row.recognisedOn,
              row.employeesTotal,
              row.employeesAssisted,
              row.subsidyFen === null ? null : row.subsidyFen / 100,
              row.subsidyPaidOn,
              row.status === 'active' ? '运营' : '停办',
              row.note,
            ];
          if (batch.length < 1000) return;
        }
      }
      await writeLedger(
        out,
        [
          {
            title: '扶贫车间台账',
            headers: [
              '车间名称',
              '行政村',
              '经营主体',
              '认定日期',
              '吸纳就业人数',
              '其中脱贫（监测）人数',
              '一次性吸纳就业补贴（元）',
              '补贴发放日期',
              '状态',
              '备注',
            ],
            rows: rows(),
          },
        ],
        ledgerMeta(ctx),
      );
    };
  }

  /** The 人社 office's .xlsx of jobs or training: checked row by row; a real import writes all rows or none. */
  async function importFile(
    ctx: RequestContext,
    kind: 'jobs' | 'trainings',
    buffer: Buffer,
    dryRun: boolean,
  ): Promise<EmploymentImportReport> {
    requirePermission(ctx, 'assistance:write');
    if (ctx.actor.role === 'cadre')
      throw new AppError('FORBIDDEN', { zh: '导入由乡镇或县级办理', en: 'Imports are made by the township or county' });
    const countyCode = countyCodeOf(ctx.actor.orgCode === '000000000000' ? '140521000000' : ctx.actor.orgCode);
    const checked = await checkImport({ db, box }, kind, buffer, countyCode, ctx.actor.scopePrefix);
    const report = { dryRun, rows: checked.rows, created: 0, errors: checked.errors };
    if (dryRun || checked.errors.length > 0 || checked.valid.length === 0) return report;
    await db.transaction(async (tx) => {
      const ids: number[] = [];
      for (const v of checked.valid) {
        const base = {
          countyCode: countyCodeOf(v.villageCode),
          villageCode: v.villageCode,
          householdId: v.householdId,
          personId: v.personId,
          source: 'import' as const,
          createdBy: ctx.actor.id || null,
        };
        if (kind === 'jobs') {
          const j = v.value as Input<typeof employmentInput>;
          ids.push(
            await insertEmployment(tx, {
              ...base,
              placeKind: j.placeKind,
              place: j.place,
              employer: j.employer ?? null,
              job: j.job ?? null,
              startOn: j.startOn,
              endOn: j.endOn ?? null,
              monthlyIncomeFen: j.monthlyIncomeFen,
            }),
          );
        } else {
          const t = v.value as Input<typeof trainingInput>;
          ids.push(
            await insertTraining(tx, {
              ...base,
              kind: t.kind,
              course: t.course,
              provider: t.provider ?? null,
              startOn: t.startOn,
              endOn: t.endOn,
              certificateKind: t.certificateKind ?? null,
              certificateNo: t.certificateNo ?? null,
              certifiedOn: t.certifiedOn ?? null,
            }),
          );
        }
      }
      await recordAudit(tx, ctx, {
        action: 'import',
        entity: kind === 'jobs' ? 'employment_record' : 'training_record',
        orgCode: ctx.actor.orgCode,
        after: { rows: ids.length, firstId: ids[0], lastId: ids[ids.length - 1] },
      });
    });
    return { ...report, created: checked.valid.length };
  }

  /** The import template: the header row and one example row. */
  function importTemplate(kind: 'jobs' | 'trainings') {
    const example =
      kind === 'jobs'
        ? ['张三', '11010519491231002X', '省外', '河南省郑州市', '某电子厂', '操作工', '2026-03-01', '', '4500.00']
        : [
            '张三',
            '11010519491231002X',
            '就业技能培训',
            '电工',
            '县职业技能培训中心',
            '2026-03-01',
            '2026-03-20',
            '职业技能等级证书',
            'ZJ0001',
            '2026-04-01',
          ];
    return async (out: Writable) =>
      writeLedger(
        out,
        [
          {
            title: kind === 'jobs' ? '务工就业' : '技能培训',
            headers: kind === 'jobs' ? [...JOB_HEADERS] : [...TRAINING_HEADERS],
            rows: (async function* () {
              yield example;
            })(),
          },
        ],
        null,
      );
  }

  return {
    importFile,
    importTemplate,
    listJobs,
    getJob,
    createJob,
    updateJob,
    addFollowUp,
    listTrainings,
    createTraining,
    listWorkshops: listWorkshopPage,
    createWorkshop,
    updateWorkshop: updateWorkshopRow,
    figures,
    household,
    prepareJobsExport,
    prepareTrainingExport,
    prepareWorkshopExport,
    today: () => clock.today(),
  };
}
export type EmploymentService = ReturnType<typeof createEmploymentService>;
