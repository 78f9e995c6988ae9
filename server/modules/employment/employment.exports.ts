import type { Writable } from 'node:stream';
import type { employmentExportQuery, trainingExportQuery, workshopExportQuery } from '#common/contracts/employment.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { ledgerMeta, writeLedger, type Cell } from '#server/lib/xlsx-ledger.ts';
import { CERTIFICATE_ZH, FOLLOW_UP_ZH, PLACE_ZH, TRAINING_ZH, labourZh } from './employment.labels.ts';
import {
  listEmployment,
  listTraining,
  listWorkshops,
  type EmploymentFilter,
  type Reach,
  type TrainingFilter,
  type WorkshopFilter,
} from './employment.repository.ts';
import {
  auditExport,
  jobFilter,
  reachOfCtx,
  toJobRow,
  toTrainingRow,
  toWorkshopRow,
  trainingFilter,
  workshopFilter,
  type EmploymentDeps,
  type Input,
} from './employment.shared.ts';

// The ledgers (.xlsx) of jobs, training and workshops: what the list filters, 1000 rows a query, audited.

const BATCH = 1000;
const batchWindow = (page: number) => ({ page, pageSize: BATCH, offset: (page - 1) * BATCH });

const JOB_HEADERS = [
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
];

async function* jobRows(d: EmploymentDeps, r: Reach, f: EmploymentFilter): AsyncGenerator<Cell[]> {
  for (let page = 1; ; page++) {
    const batch = await listEmployment(d.db, r, f, batchWindow(page), {});
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
    if (batch.length < BATCH) return;
  }
}

export async function prepareJobsExport(
  d: EmploymentDeps,
  ctx: RequestContext,
  q: Input<typeof employmentExportQuery>,
) {
  requirePermission(ctx, 'assistance:export');
  const f = jobFilter(d, ctx, q);
  await auditExport(d, ctx, { entity: 'employment_record', format: '务工就业台账', filter: q });
  const r = reachOfCtx(ctx);
  return async (out: Writable) => {
    await writeLedger(out, [{ title: '务工就业台账', headers: JOB_HEADERS, rows: jobRows(d, r, f) }], ledgerMeta(ctx));
  };
}

const TRAINING_HEADERS = [
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
];

async function* trainingRows(d: EmploymentDeps, r: Reach, f: TrainingFilter): AsyncGenerator<Cell[]> {
  for (let page = 1; ; page++) {
    const batch = await listTraining(d.db, r, f, batchWindow(page), {});
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
    if (batch.length < BATCH) return;
  }
}

export async function prepareTrainingExport(
  d: EmploymentDeps,
  ctx: RequestContext,
  q: Input<typeof trainingExportQuery>,
) {
  requirePermission(ctx, 'assistance:export');
  const f = trainingFilter(ctx, q);
  await auditExport(d, ctx, { entity: 'training_record', format: '技能培训台账', filter: q });
  const r = reachOfCtx(ctx);
  return async (out: Writable) => {
    await writeLedger(
      out,
      [{ title: '技能培训台账', headers: TRAINING_HEADERS, rows: trainingRows(d, r, f) }],
      ledgerMeta(ctx),
    );
  };
}

const WORKSHOP_HEADERS = [
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
];

async function* workshopRows(d: EmploymentDeps, scopePrefix: string, f: WorkshopFilter): AsyncGenerator<Cell[]> {
  for (let page = 1; ; page++) {
    const batch = await listWorkshops(d.db, scopePrefix, f, batchWindow(page), {});
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
    if (batch.length < BATCH) return;
  }
}

export async function prepareWorkshopExport(
  d: EmploymentDeps,
  ctx: RequestContext,
  q: Input<typeof workshopExportQuery>,
) {
  requirePermission(ctx, 'assistance:export');
  const f = workshopFilter(ctx, q);
  await auditExport(d, ctx, { entity: 'employment_workshop', format: '扶贫车间台账', filter: q });
  return async (out: Writable) => {
    await writeLedger(
      out,
      [{ title: '扶贫车间台账', headers: WORKSHOP_HEADERS, rows: workshopRows(d, ctx.actor.scopePrefix, f) }],
      ledgerMeta(ctx),
    );
  };
}
