import type { z } from 'zod';
import { END_REASON_CODES, type EndReason, type RelocatedRow } from '#common/contracts/relocation.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { relocationEmploymentStatus } from '#common/domain/relocation/rules.ts';
import type { Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { stableEmploymentOfHouseholds, type MemberEmployment } from '../employment/index.ts';
import type { RelocatedDbRow } from './relocation.repository.ts';

// What the 易地扶贫搬迁 use cases share (relocation.sites.ts, .households.ts, .changes.ts, .ledger.ts, .list-import.ts):
// the deps (with the clock), the employment check of relocated households, the list row, the stored end reason.

export interface RelocationDeps {
  db: Db;
  box: PersonalDataBox;
  clock: { today: () => string };
}

export type Input<T extends z.ZodType> = z.infer<T>;

export const STATUS_ZH = { met: '已达到', short: '未达到', noLabour: '无劳动能力' } as const;

export const HOUSEHOLD = { zh: '农户', en: 'Household' };
export const ENTRY_ENDED = { zh: '该登记已结束，请刷新后查看', en: 'The entry has already ended; reload' };

export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === '23505') return true;
  return false;
}

/** The stored end reason: its code, then the free note after a newline. */
export function encodeEndReason(code: EndReason, note: string | null | undefined): string {
  return note ? `${code}\n${note}` : code;
}

export function decodeEndReason(stored: string | null): { endReason: EndReason | null; endNote: string | null } {
  if (stored === null) return { endReason: null, endNote: null };
  const [code, ...rest] = stored.split('\n');
  const known = (END_REASON_CODES as readonly string[]).includes(code) ? (code as EndReason) : 'other';
  const note = known === code ? rest.join('\n') : stored;
  return { endReason: known, endNote: note === '' ? null : note };
}

/** The employment check of relocated households, per household (grouped by county for the parameters). */
export async function checkOf(
  { db, clock }: RelocationDeps,
  rows: readonly { household_id: number; village_code: string }[],
) {
  const period = clock.today().slice(0, 7);
  const byCounty = new Map<string, number[]>();
  for (const r of rows) {
    const c = countyCodeOf(r.village_code);
    byCounty.set(c, [...(byCounty.get(c) ?? []), Number(r.household_id)]);
  }
  const members = new Map<number, MemberEmployment[]>();
  let window = { stableMonths: 0, stableWindowMonths: 0 };
  for (const [county, ids] of byCounty) {
    const e = await stableEmploymentOfHouseholds(db, ids, county, period);
    window = { stableMonths: e.stableMonths, stableWindowMonths: e.stableWindowMonths };
    for (const m of e.members) members.set(m.householdId, [...(members.get(m.householdId) ?? []), m]);
  }
  return { members, window };
}

/** The county's stable-employment window (employment.stableMonths of employment.stableWindowMonths) this month. */
export async function stableWindow({ db, clock }: RelocationDeps, countyCode: string) {
  const e = await stableEmploymentOfHouseholds(db, [], countyCode, clock.today().slice(0, 7));
  return { stableMonths: e.stableMonths, stableWindowMonths: e.stableWindowMonths };
}

export function toRow(r: RelocatedDbRow, members: readonly MemberEmployment[]): RelocatedRow {
  return {
    id: Number(r.id),
    householdId: Number(r.household_id),
    householdNo: r.household_no,
    headName: r.head_name,
    villageCode: r.village_code,
    villageName: r.village_name,
    siteId: Number(r.site_id),
    siteName: r.site_name,
    movedOn: r.moved_on,
    members: members.length,
    labourers: members.filter((m) => m.labourer).length,
    stablyEmployed: members.filter((m) => m.stable).length,
    status: relocationEmploymentStatus(members),
  };
}
