import { z } from 'zod';
import { PAIRING_KIND_CODES } from '../domain/village-support/codes.ts';
import { pageMeta, pagingFields } from './paging.ts';

// 社会力量帮扶 (issue 15 item 3; 沁发〔2021〕17号 §二(二)3): 领导联系点, 单位包村, 企业帮村, 学校医院结对 with a village,
// and what each brought (funds in fen, projects, jobs); totals per kind and per township.

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式 YYYY-MM-DD / date YYYY-MM-DD' });

export const pairingKind = z.enum(PAIRING_KIND_CODES);

export const pairingInput = z.object({
  orgCode,
  kind: pairingKind,
  partnerName: z.string().trim().min(1, { message: '请填写帮扶单位 / partner required' }).max(100),
  leaderName: z.string().trim().max(50).nullable().optional(),
  startedOn: isoDate,
  note: z.string().trim().max(200).nullable().optional(),
});

export const contributionInput = z.object({
  contributedOn: isoDate,
  fundsFen: z.number().int().nonnegative().default(0),
  projectName: z.string().trim().max(100).nullable().optional(),
  jobs: z.number().int().min(0).max(100_000).default(0),
  note: z.string().trim().max(200).nullable().optional(),
});

export const endPairingInput = z.object({ endedOn: isoDate });

export const pairingRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  kind: pairingKind,
  partnerName: z.string(),
  leaderName: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
  fundsFen: z.number().int(),
  projects: z.number().int(),
  jobs: z.number().int(),
});
export type PairingRow = z.infer<typeof pairingRow>;

export const PAIRING_SORTS = ['orgCode', 'startedOn', 'partnerName', 'fundsFen'] as const;
export const pairingListQuery = z.object({
  orgCode: orgCode.optional(),
  kind: pairingKind.optional(),
  status: z.enum(['active', 'ended']).optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(PAIRING_SORTS),
});
export const pairingExportQuery = pairingListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export const pairingPage = z.object({ items: z.array(pairingRow), ...pageMeta });

export const contributionRow = z.object({
  id: z.number().int(),
  contributedOn: z.string(),
  fundsFen: z.number().int(),
  projectName: z.string().nullable(),
  jobs: z.number().int(),
  note: z.string().nullable(),
});

export const pairingDetail = pairingRow.extend({ contributions: z.array(contributionRow) });
export type PairingDetail = z.infer<typeof pairingDetail>;

const totalsLine = z.object({
  pairings: z.number().int(),
  fundsFen: z.number().int(),
  projects: z.number().int(),
  jobs: z.number().int(),
});
export const pairingTotals = z.object({
  byKind: z.array(totalsLine.extend({ kind: pairingKind })),
  byTownship: z.array(totalsLine.extend({ townshipCode: z.string(), townshipName: z.string().nullable() })),
  total: totalsLine,
});
export type PairingTotals = z.infer<typeof pairingTotals>;

export const pairingIdParams = z.object({ id: z.coerce.number().int().positive() });
