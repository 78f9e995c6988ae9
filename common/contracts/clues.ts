import { z } from 'zod';
import { pageMeta, pagingFields } from './paging.ts';
import { RISK_TYPES } from '../domain/registry/codes.ts';
import { orgCode } from './org.ts';

export const CLUE_CHANNELS = ['department', 'selfApplication', 'visit', 'petition'] as const;
export const CLUE_CHANNEL_LABELS: Record<(typeof CLUE_CHANNELS)[number], string> = {
  department: '部门信息比对',
  selfApplication: '农户主动申请',
  visit: '干部走访排查',
  petition: '舆情信访研判',
};
export const PETITION_KINDS = ['petition', 'publicOpinion', 'hotline12317'] as const;
export const PETITION_KIND_LABELS: Record<(typeof PETITION_KINDS)[number], string> = {
  petition: '信访',
  publicOpinion: '舆情',
  hotline12317: '12317热线',
};

const riskType = z.enum(RISK_TYPES.map((r) => r.code) as [string, ...string[]]);
const riskTypes = z.array(riskType).min(1, { message: '请至少选择一种风险 / choose at least one risk' }).max(5);
const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
const text = (min: number, max: number, zh: string) =>
  z
    .string()
    .trim()
    .min(min, { message: `${zh} / too short` })
    .max(max);

/** 承诺授权: without the household's undertaking and authorisation nothing proceeds (§1.6). */
export const consent = z.object({
  signed: z.literal(true, { message: '须由农户签署承诺授权 / the household must sign the undertaking' }),
  signedOn: isoDate,
  signer: z.string().trim().min(1).max(40),
  method: z.enum(['signature', 'fingerprint', 'online']),
});

/** The public, phone-sized self-application page (no login). */
export const publicApplicationRequest = z.object({
  villageCode: orgCode,
  applicantName: text(2, 40, '请填写姓名'),
  idNumber: z.string().trim().min(18).max(18),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { message: '请填写11位手机号 / an 11-digit mobile number' }),
  reason: text(5, 1000, '请说明家庭遇到的困难（至少5个字）'),
  riskTypes,
  agree: z.literal(true, { message: '须阅读并同意承诺授权书 / you must agree to the undertaking' }),
});

/** 查询办理进度: the receipt and the applicant's own ID number (POST: the ID stays out of URLs and logs). */
export const applicationStatusRequest = z.object({
  receipt: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^SQ\d{8}$/, { message: '回执号为 SQ 加 8 位数字 / SQ followed by 8 digits' }),
  idNumber: z.string().trim().min(18).max(18),
});

export const applicationStatusResponse = z.object({
  receipt: z.string(),
  progress: z.enum(['received', 'verifying', 'villageReview', 'publicNotice', 'approval', 'included', 'notIncluded']),
  textZh: z.string(),
  textEn: z.string(),
  appliedOn: z.string(),
  noticeEndsOn: z.string().nullable(),
});

export const officerApplicationRequest = z.object({
  householdId: z.number().int().positive(),
  reason: text(5, 1000, '请说明申请原因'),
  riskTypes,
  consent,
});

export const visitRequest = z.object({
  householdId: z.number().int().positive(),
  visitedOn: isoDate,
  findings: text(2, 2000, '请填写走访情况'),
  riskFound: z.boolean(),
  riskTypes: z.array(riskType).max(5).default([]),
  photos: z
    .array(
      z.object({
        name: z.string().max(100),
        dataUrl: z
          .string()
          .regex(/^data:image\/(png|jpeg|webp);base64,/)
          .max(2_000_000),
      }),
    )
    .max(3)
    .default([]),
});

export const CLUE_SORTS = ['id', 'openedAt', 'householdNo', 'village', 'riskType', 'channel'] as const;
export const clueListQuery = z.object({
  status: z.enum(['open', 'closed']).default('open'),
  householdId: z.coerce.number().int().positive().optional(),
  channel: z.enum(CLUE_CHANNELS).optional(),
  riskType: riskType.optional(),
  orgCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  afterId: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...pagingFields(CLUE_SORTS),
});

export const clueRow = z.object({
  id: z.number().int(),
  householdId: z.number().int().nullable(),
  householdNo: z.string().nullable(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  channel: z.enum(CLUE_CHANNELS),
  riskType: z.string(),
  status: z.enum(['open', 'closed']),
  summary: z.string(),
  openedAt: z.string(),
  ageDays: z.number().int(),
  signalCount: z.number().int(),
  channels: z.array(z.string()),
  /** The household's identification case in progress, if any: a new one cannot start while it runs. */
  activeCaseId: z.number().int().nullable(),
});
export type ClueRow = z.infer<typeof clueRow>;
export const cluePage = z.object({ items: z.array(clueRow), nextAfterId: z.number().int().nullable(), ...pageMeta });

export const clueSignalRow = z.object({
  id: z.number().int(),
  channel: z.enum(CLUE_CHANNELS),
  source: z.string(),
  at: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  createdBy: z.string().nullable(),
});

export const clueDetail = clueRow.extend({
  consent: z.record(z.string(), z.unknown()).nullable(),
  closeReason: z.string().nullable(),
  signals: z.array(clueSignalRow),
});

export const closeClueRequest = z.object({ reason: text(2, 500, '请填写关闭原因') });
export const clueIdParams = z.object({ id: z.coerce.number().int().positive() });
