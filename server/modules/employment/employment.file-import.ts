import type { Writable } from 'node:stream';
import type { employmentInput, trainingInput, EmploymentImportReport } from '#common/contracts/employment.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { writeLedger } from '#server/lib/xlsx-ledger.ts';
import { recordAudit } from '../audit/index.ts';
import { checkImport, JOB_HEADERS, TRAINING_HEADERS } from './employment.import.ts';
import { insertEmployment, insertTraining } from './employment.repository.ts';
import type { EmploymentDeps, Input } from './employment.shared.ts';

// The 人社 office's .xlsx of jobs or training (rows checked in employment.import.ts), and its template.

type Kind = 'jobs' | 'trainings';
type ValidRow = Awaited<ReturnType<typeof checkImport>>['valid'][number];

/** One checked row written as a job or a training, marked as imported. */
function insertRow(tx: Db, ctx: RequestContext, kind: Kind, v: ValidRow) {
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
    return insertEmployment(tx, {
      ...base,
      placeKind: j.placeKind,
      place: j.place,
      employer: j.employer ?? null,
      job: j.job ?? null,
      startOn: j.startOn,
      endOn: j.endOn ?? null,
      monthlyIncomeFen: j.monthlyIncomeFen,
    });
  }
  const t = v.value as Input<typeof trainingInput>;
  return insertTraining(tx, {
    ...base,
    kind: t.kind,
    course: t.course,
    provider: t.provider ?? null,
    startOn: t.startOn,
    endOn: t.endOn,
    certificateKind: t.certificateKind ?? null,
    certificateNo: t.certificateNo ?? null,
    certifiedOn: t.certifiedOn ?? null,
  });
}

/** The 人社 office's .xlsx of jobs or training: checked row by row; a real import writes all rows or none. */
export async function importFile(
  d: EmploymentDeps,
  ctx: RequestContext,
  kind: Kind,
  buffer: Buffer,
  dryRun: boolean,
): Promise<EmploymentImportReport> {
  requirePermission(ctx, 'assistance:write');
  if (ctx.actor.role === 'cadre')
    throw new AppError('FORBIDDEN', { zh: '导入由乡镇或县级办理', en: 'Imports are made by the township or county' });
  const countyCode = countyCodeOf(ctx.actor.orgCode === '000000000000' ? '140521000000' : ctx.actor.orgCode);
  const checked = await checkImport({ db: d.db, box: d.box }, kind, buffer, countyCode, ctx.actor.scopePrefix);
  const report = { dryRun, rows: checked.rows, created: 0, errors: checked.errors };
  if (dryRun || checked.errors.length > 0 || checked.valid.length === 0) return report;
  await d.db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const v of checked.valid) ids.push(await insertRow(tx, ctx, kind, v));
    await recordAudit(tx, ctx, {
      action: 'import',
      entity: kind === 'jobs' ? 'employment_record' : 'training_record',
      orgCode: ctx.actor.orgCode,
      after: { rows: ids.length, firstId: ids[0], lastId: ids[ids.length - 1] },
    });
  });
  return { ...report, created: checked.valid.length };
}

const EXAMPLE: Record<Kind, string[]> = {
  jobs: ['张三', '11010519491231002X', '省外', '河南省郑州市', '某电子厂', '操作工', '2026-03-01', '', '4500.00'],
  trainings: [
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
  ],
};

/** The import template: the header row and one example row. */
export function importTemplate(_d: EmploymentDeps, kind: Kind) {
  const example = EXAMPLE[kind];
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
