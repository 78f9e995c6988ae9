import { z } from 'zod';
import { RESIDENT_ROLE_CODES, TEAM_REQUIREMENTS } from '../domain/village-support/codes.ts';
import { pageMeta, pagingFields, queryFlag } from './paging.ts';

// 驻村工作队 and 第一书记 (issue 15 item 2; 沁发〔2021〕17号 §三(二), §三(一)): teams by village with members, rotation,
// monthly attendance against the county's minimum, a work log; the villages the plan requires a team for.

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式 YYYY-MM-DD / date YYYY-MM-DD' });
const text = (zh: string, en: string, max = 100) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${zh} / ${en} required` })
    .max(max);

export const residentRole = z.enum(RESIDENT_ROLE_CODES);
const requirement = z.enum(TEAM_REQUIREMENTS.map((r) => r.code) as [string, ...string[]]);

export const memberInput = z.object({
  name: text('姓名', 'name', 50),
  role: residentRole,
  unit: z.string().trim().max(100).nullable().optional(),
  joinedOn: isoDate.optional(),
});

export const teamInput = z.object({
  orgCode,
  sendingUnit: text('派出单位', 'sending unit'),
  startedOn: isoDate,
  members: z.array(memberInput).min(1, { message: '至少一名队员 / at least one member' }).max(20),
});

export const rotateInput = z.object({
  endedOn: isoDate,
  endNote: z.string().trim().max(200).optional(),
  next: teamInput.omit({ orgCode: true }),
});

export const endInput = z.object({
  endedOn: isoDate,
  endNote: z.string().trim().max(200).optional(),
});

export const leaveInput = z.object({ leftOn: isoDate });

export const attendanceInput = z.object({
  memberId: z.number().int().positive(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式 YYYY-MM / period YYYY-MM' }),
  daysInVillage: z.number().int().min(0).max(31),
});

export const logInput = z.object({
  loggedOn: isoDate,
  content: text('工作内容', 'content', 1000),
});

export const flagsInput = z.object({
  keyVillage: z.boolean(),
  relocationSite: z.boolean(),
  weakParty: z.boolean(),
});

export const teamRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  sendingUnit: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endNote: z.string().nullable(),
  firstSecretary: z.string().nullable(),
  leader: z.string().nullable(),
  members: z.number().int(),
  logs: z.number().int(),
});
export type TeamRow = z.infer<typeof teamRow>;

export const TEAM_SORTS = ['orgCode', 'startedOn', 'sendingUnit'] as const;
export const teamListQuery = z.object({
  orgCode: orgCode.optional(),
  status: z.enum(['active', 'ended']).optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(TEAM_SORTS),
});
export const teamExportQuery = teamListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export const teamPage = z.object({ items: z.array(teamRow), ...pageMeta });

export const memberRow = z.object({
  id: z.number().int(),
  name: z.string(),
  role: residentRole,
  unit: z.string().nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});

export const attendanceRow = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  period: z.string(),
  daysInVillage: z.number().int(),
  minDays: z.number().int(),
  shortfall: z.number().int(),
});

export const logRow = z.object({
  id: z.number().int(),
  loggedOn: z.string(),
  content: z.string(),
});

export const teamDetail = teamRow.extend({
  memberList: z.array(memberRow),
  attendance: z.array(attendanceRow),
  logList: z.array(logRow),
  /** Every team the village has had, newest first (rotation history). */
  history: z.array(teamRow),
  /** The county's minimum days in the village for the current month (policy parameter). */
  minDaysPerMonth: z.number().int(),
});
export type TeamDetail = z.infer<typeof teamDetail>;

export const villageRow = z.object({
  orgCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  keyVillage: z.boolean(),
  relocationSite: z.boolean(),
  weakParty: z.boolean(),
  requirements: z.array(requirement),
  teamId: z.number().int().nullable(),
  sendingUnit: z.string().nullable(),
  firstSecretary: z.string().nullable(),
  lacking: z.boolean(),
});
export type VillageRow = z.infer<typeof villageRow>;

export const VILLAGE_SORTS = ['orgCode'] as const;
export const villageListQuery = z.object({
  orgCode: orgCode.optional(),
  /** Only the villages the county flagged (a team is required). */
  required: queryFlag().optional(),
  /** Only the villages that must have a team and have none. */
  lacking: queryFlag().optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(VILLAGE_SORTS),
});
export const villageExportQuery = villageListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export const villagePage = z.object({ items: z.array(villageRow), ...pageMeta });

export const teamIdParams = z.object({ id: z.coerce.number().int().positive() });
export const villageParams = z.object({ orgCode });
