import { z } from 'zod';
import { EXIT_REASON_CODES, FUNDING_CODES, POST_TYPE_CODES } from '../domain/posts/codes.ts';
import { pageMeta, pagingFields } from './paging.ts';

// 公益岗位 (issue 14 item 1): posts by village and type, hires (以岗聘任), months (在岗领补), exits (有序退岗).

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式 YYYY-MM-DD / date YYYY-MM-DD' });
const fen = z.number().int().nonnegative();

export const postType = z.enum(POST_TYPE_CODES);
export const fundingSource = z.enum(FUNDING_CODES);
export const exitReason = z.enum(EXIT_REASON_CODES);

export const postInput = z.object({
  orgCode,
  name: z.string().trim().min(1, { message: '请填写岗位名称 / name required' }).max(100),
  postType,
  funding: fundingSource,
  assetId: z.number().int().positive().nullable().optional(),
  monthlySubsidyFen: fen,
  slots: z.number().int().min(1).max(100).default(1),
});

export const postRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  name: z.string(),
  postType,
  funding: fundingSource,
  assetId: z.number().int().nullable(),
  assetName: z.string().nullable(),
  monthlySubsidyFen: z.number().int(),
  slots: z.number().int(),
  occupied: z.number().int(),
  status: z.enum(['open', 'closed']),
});
export type PostRow = z.infer<typeof postRow>;

export const POST_SORTS = ['orgCode', 'name', 'postType', 'monthlySubsidyFen'] as const;
export const postListQuery = z.object({
  orgCode: orgCode.optional(),
  postType: postType.optional(),
  status: z.enum(['open', 'closed']).optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(POST_SORTS),
});
export const postPage = z.object({ items: z.array(postRow), ...pageMeta });

export const hireInput = z.object({
  personId: z.number().int().positive(),
  hiredOn: isoDate,
  /** Declared: the person is a family member of a village cadre. */
  cadreFamily: z.boolean(),
});

export const exitInput = z.object({
  exitedOn: isoDate,
  reason: exitReason,
  note: z.string().trim().max(200).optional(),
});

export const monthInput = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式 YYYY-MM / period YYYY-MM' }),
  daysWorked: z.number().int().min(0).max(31),
  subsidyFen: fen,
  paidOn: isoDate.nullable().optional(),
});

export const monthRow = z.object({
  id: z.number().int(),
  period: z.string(),
  daysWorked: z.number().int(),
  subsidyFen: z.number().int(),
  paidOn: z.string().nullable(),
});

export const hireRow = z.object({
  id: z.number().int(),
  postId: z.number().int(),
  postName: z.string(),
  postType,
  orgCode: z.string(),
  villageName: z.string().nullable(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  personId: z.number().int(),
  personName: z.string(),
  hiredOn: z.string(),
  cadreFamily: z.boolean(),
  exitedOn: z.string().nullable(),
  exitReason: exitReason.nullable(),
  exitNote: z.string().nullable(),
  monthlySubsidyFen: z.number().int(),
  paidFen: z.number().int(),
  months: z.number().int(),
});
export type HireRow = z.infer<typeof hireRow>;

export const HIRE_SORTS = ['hiredOn', 'orgCode', 'personName', 'paidFen'] as const;
export const hireListQuery = z.object({
  orgCode: orgCode.optional(),
  postType: postType.optional(),
  status: z.enum(['active', 'exited']).optional(),
  postId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(HIRE_SORTS),
});
export const hireExportQuery = hireListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export const hirePage = z.object({ items: z.array(hireRow), ...pageMeta });
export const hireDetail = hireRow.extend({ monthRecords: z.array(monthRow) });

export const householdPosts = z.object({
  hires: z.array(hireDetail),
  /** Candidates of the household for a hire: active members (no ID numbers). */
  members: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      birthDate: z.string().nullable(),
      labourSkill: z.string(),
    }),
  ),
});

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
});
export const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});

/** The import layout (a 人社/乡镇 sheet): header row, one hire per row. */
export const POST_IMPORT_HEADERS = [
  '村代码',
  '岗位名称',
  '岗位类型',
  '资金来源',
  '月补贴(元)',
  '姓名',
  '身份证号',
  '聘用日期',
  '是否村干部家属',
] as const;

export const postIdParams = z.object({ id: z.coerce.number().int().positive() });
export const householdIdParams = z.object({ householdId: z.coerce.number().int().positive() });
