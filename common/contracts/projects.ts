import { z } from 'zod';
import { PROJECT_TYPES } from '../domain/projects/types.ts';
import { orgCode } from './org.ts';
import { pageMeta, pagingFields, queryFlag } from './paging.ts';

const fen = z.number().int().min(0).max(100_000_000_000_00);
const target = z.object({ indicator: z.string().trim().max(100), value: z.string().trim().max(100) });

/** Declare (村级申报) or edit a project. Entry is refused without 联农带农 or 绩效目标 (field errors). */
export const projectInput = z.object({
  orgCode,
  name: z.string().trim().min(2, { message: '请填写项目名称 / name required' }).max(200),
  type: z.enum(PROJECT_TYPES),
  subType: z.string().trim().max(60).nullish(),
  year: z.number().int().min(2013).max(2100),
  budget: z.object({ central: fen, provincial: fen, city: fen, county: fen }),
  beneficiaryHouseholds: z.number().int().min(0).max(1_000_000),
  beneficiaryAlleviated: z.number().int().min(0).max(1_000_000),
  beneficiaryVillages: z.array(orgCode).max(300).default([]),
  farmerLinkage: z.string().trim().max(2000).default(''),
  performanceTargets: z.array(target).max(30).default([]),
  workForRelief: z.boolean().default(false),
  labourRemunerationFen: fen.default(0),
  deliberationId: z.number().int().positive().nullish(),
});
export type ProjectInput = z.input<typeof projectInput>;

// No defaults here: a field left out is a field not changed.
export const projectAdjust = projectInput
  .partial()
  .omit({ orgCode: true })
  .extend({
    beneficiaryVillages: z.array(orgCode).max(300).optional(),
    farmerLinkage: z.string().trim().max(2000).optional(),
    performanceTargets: z.array(target).max(30).optional(),
    workForRelief: z.boolean().optional(),
    labourRemunerationFen: fen.optional(),
    reason: z.string().trim().min(4, { message: '请说明调整原因（至少4个字） / give the reason' }).max(500),
    version: z.number().int(),
  });

export const projectAction = z.object({
  action: z.enum(['complete', 'reject', 'withdraw']),
  reason: z.string().trim().max(500).nullish(),
  version: z.number().int(),
});

export const projectStatusChange = z.object({
  status: z.enum(['implementing', 'accepted', 'completed', 'cancelled']),
  reason: z.string().trim().max(500).nullish(),
  version: z.number().int(),
});

/** Sort keys of the project library list (server whitelist, sortable columns). */
export const PROJECT_SORTS = ['id', 'year', 'name', 'orgCode', 'budgetFen', 'entryStage', 'status'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

/** The filters of the project list; the page, its total and the export (/api/projects/export.xlsx) share them. */
export const projectFilterQuery = z.object({
  year: z.coerce.number().int().optional(),
  type: z.enum(PROJECT_TYPES).optional(),
  status: z.enum(['reserve', 'admitted', 'implementing', 'accepted', 'completed', 'cancelled']).optional(),
  entryStage: z.string().max(30).optional(),
  orgCode: orgCode.optional(),
  q: z.string().trim().max(100).optional(),
  /** Only projects waiting at a step the caller's role handles. */
  mine: queryFlag().optional(),
});

/** Without `page` the answer is the whole filtered list as an array (older callers); with it, one page. */
export const projectListQuery = projectFilterQuery.extend(pagingFields(PROJECT_SORTS));

export const projectRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  name: z.string(),
  type: z.enum(PROJECT_TYPES),
  subType: z.string().nullable(),
  year: z.number().int(),
  budgetFen: z.number().int(),
  budget: z.object({ central: z.number(), provincial: z.number(), city: z.number(), county: z.number() }),
  assignedFen: z.number().int(),
  disbursedFen: z.number().int(),
  entryStage: z.string(),
  status: z.string(),
  noticeStartedOn: z.string().nullable(),
  /** The earliest day the current notice may end (timed steps). */
  noticeEndsOn: z.string().nullable(),
  /** The caller's role acts at the current step. */
  canAct: z.boolean(),
  version: z.number().int(),
});
export type ProjectRow = z.infer<typeof projectRow>;

/** One numbered page of the list (asked with `page`). */
export const projectPage = z.object({ items: z.array(projectRow), ...pageMeta });
/** The list answer: the whole filtered list (no `page`, older callers) or one numbered page. */
export const projectListAnswer = z.union([projectPage, z.array(projectRow)]);

export const projectEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  at: z.string(),
});

export const projectDetail = projectRow.extend({
  beneficiaryHouseholds: z.number().int(),
  beneficiaryAlleviated: z.number().int(),
  beneficiaryVillages: z.array(z.string()),
  farmerLinkage: z.string(),
  performanceTargets: z.array(target),
  workForRelief: z.boolean(),
  labourRemunerationFen: z.number().int(),
  deliberationId: z.number().int().nullable(),
  deliberationStatus: z.string().nullable(),
  declaredOn: z.string().nullable(),
  admittedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  events: z.array(projectEvent),
  assets: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), category: z.string() })),
});
export type ProjectDetail = z.infer<typeof projectDetail>;
