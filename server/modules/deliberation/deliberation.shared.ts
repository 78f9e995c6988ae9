import type { z } from 'zod';
import type {
  deliberationCreate,
  deliberationListQuery,
  deliberationStepInput,
} from '#common/contracts/deliberation.ts';
import { isDecided, type StepRecord, type VoteParams } from '#common/domain/deliberation/rules.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { numberParam, resolveAll } from '../params/index.ts';
import { findDeliberation, type StepRecordRow } from './deliberation.repository.ts';

// What the 四议两公开 use cases share (deliberation.read.ts, deliberation.write.ts): the deps, the vote parameters in
// force, a recorded step as the rules read it, and the check other modules make that a matter was decided.

export interface DeliberationDeps {
  db: Db;
  clock: Clock;
}

export type CreateInput = z.infer<typeof deliberationCreate>;
export type StepInput = z.infer<typeof deliberationStepInput>;
export type ListQuery = z.infer<typeof deliberationListQuery>;

export const NOT_FOUND = { zh: '四议两公开记录', en: 'Deliberation record' };

/** This month in China (the vote parameters in force). */
export const thisMonth = (d: DeliberationDeps) => todayInChina(d.clock()).slice(0, 7);

export async function voteParams(db: Db, countyCode: string, period: string): Promise<VoteParams> {
  const params = await resolveAll(db, countyCode, period);
  return {
    partyAttendance: numberParam(params, 'deliberation.partyAttendance'),
    passShare: numberParam(params, 'deliberation.passShare'),
    villagersQuorum: numberParam(params, 'deliberation.villagersQuorum'),
    householdsQuorum: numberParam(params, 'deliberation.householdsQuorum'),
    representativesQuorum: numberParam(params, 'deliberation.representativesQuorum'),
    representativesPassBase: params['deliberation.representativesPassBase']?.value === 'present' ? 'present' : 'all',
  };
}

export function toStep(r: StepRecordRow): StepRecord {
  return {
    step: r.step,
    heldOn: r.heldOn,
    content: r.content,
    expected: r.expected,
    present: r.present,
    votesFor: r.votesFor,
    votesAgainst: r.votesAgainst,
    meetingKind: r.meetingKind,
    origin: r.origin,
    merged: r.merged,
    townshipAttendee: r.townshipAttendee,
  };
}

/**
 * For the modules that rely on a decision (project declaration, asset income): the record exists in the
 * caller's scope, belongs to `villageCode` when given, and its resolution is voted and published.
 */
export async function requireDecided(
  db: Db,
  ctx: RequestContext,
  id: number,
  villageCode: string | null,
  field = 'deliberationId',
): Promise<void> {
  const row = await findDeliberation(db, id, ctx.actor.scopePrefix);
  const bad = (zh: string, en: string) => AppError.validation([{ field, messageZh: zh, messageEn: en }]);
  if (!row) throw bad('四议两公开记录不存在或无权查看', 'No such 四议两公开 record in your scope');
  if (villageCode && row.d.villageCode !== villageCode)
    throw bad('四议两公开记录不属于该村', 'The record belongs to another village');
  if (!isDecided(row.d.status))
    throw bad('四议两公开尚未完成决议并公开，不能作为依据', 'The record is not yet resolved and published');
}
