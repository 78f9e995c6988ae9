import { z } from 'zod';
import { DELIBERATION_STEPS, MEETING_KINDS, PROPOSAL_ORIGINS } from '../domain/deliberation/rules.ts';
import { orgCode } from './org.ts';
import { queryFlag } from './paging.ts';

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
const count = z.number().int().min(0).max(100_000).nullish();

export const deliberationCreate = z.object({
  villageCode: orgCode,
  subject: z.string().trim().min(2, { message: '请填写议题 / subject required' }).max(200),
  purpose: z.enum(['project', 'assetIncome', 'assetDisposal', 'other']),
  oneShoulder: z.boolean().default(false),
});

export const deliberationStepInput = z.object({
  step: z.enum(DELIBERATION_STEPS),
  heldOn: isoDate,
  content: z.string().trim().min(1, { message: '请填写内容 / content required' }).max(2000),
  expected: count,
  present: count,
  votesFor: count,
  votesAgainst: count,
  meetingKind: z.enum(MEETING_KINDS).nullish(),
  origin: z.enum(PROPOSAL_ORIGINS).nullish(),
  merged: z.boolean().nullish(),
  townshipAttendee: z.string().trim().max(100).nullish(),
});

export const deliberationStepRow = deliberationStepInput.extend({
  id: z.number().int(),
  seq: z.number().int(),
  passed: z.boolean(),
  attendanceMet: z.boolean(),
  majorityMet: z.boolean(),
});

export const deliberationRow = z.object({
  id: z.number().int(),
  villageCode: z.string(),
  villageName: z.string(),
  subject: z.string(),
  purpose: z.string(),
  status: z.enum(['inProgress', 'failed', 'resolved', 'published', 'completed']),
  oneShoulder: z.boolean(),
  nextStep: z.enum(DELIBERATION_STEPS).nullable(),
  createdAt: z.string(),
});

export const deliberationDetail = deliberationRow.extend({ steps: z.array(deliberationStepRow) });
export type DeliberationDetail = z.infer<typeof deliberationDetail>;
export type DeliberationRow = z.infer<typeof deliberationRow>;

export const deliberationListQuery = z.object({
  villageCode: orgCode.optional(),
  purpose: z.enum(['project', 'assetIncome', 'assetDisposal', 'other']).optional(),
  decided: queryFlag().optional(),
});

export const idParams = z.object({ id: z.coerce.number().int().positive() });
