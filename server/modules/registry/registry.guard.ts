import type { MemberInput } from '#common/contracts/registry.ts';
import { normaliseIdNumber, maskIdNumber } from '#common/domain/id-card.ts';
import type { Household, Member } from '#common/domain/registry/household.ts';
import { validateHousehold } from '#common/domain/registry/validation.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { requireInScope } from '#server/lib/permissions.ts';
import { changedFields, recordAudit } from '../audit/index.ts';
import { findUnit } from '../org/index.ts';
import {
  activeHouseholdsOf,
  findHousehold,
  findPersonsByHash,
  insertChange,
  type HouseholdRecord,
} from './registry.repository.ts';

// Checks and records shared by every registry write: scope, composition rules, one-household-per-person, timeline.

export async function loadHousehold(db: Db, ctx: RequestContext, id: number) {
  const row = await findHousehold(db, ctx.actor.scopePrefix, id);
  if (!row) throw AppError.notFound({ zh: '农户', en: 'Household' });
  return row;
}

export async function requireOpenVillage(db: Db, ctx: RequestContext, villageCode: string): Promise<void> {
  requireInScope(ctx, villageCode);
  const unit = await findUnit(db, villageCode);
  if (!unit || unit.level !== 'village' || unit.validTo) {
    throw AppError.validation([
      {
        field: 'villageCode',
        messageZh: '须为现有的行政村代码',
        messageEn: 'Must be the code of an existing administrative village',
      },
    ]);
  }
}

/** Hard composition rules of the pure module; any failure refuses the whole save. */
export function requireValid(household: Household, members: Member[], today: string): void {
  const errors = validateHousehold(household, members, { today });
  if (errors.length > 0)
    throw AppError.validation(errors.map(({ field, messageZh, messageEn }) => ({ field, messageZh, messageEn })));
}

/**
 * A person may be an active member of only one household in the county (§3.5).
 * Returns the existing person ids by ID hash; refuses when one is active elsewhere, naming that household.
 */
export async function requireNotActiveElsewhere(
  db: Db,
  box: PersonalDataBox,
  countyCode: string,
  members: MemberInput[],
  householdId: number | null,
): Promise<Map<string, number>> {
  const hashes = members.map((m) => box.hash(normaliseIdNumber(m.idNumber)));
  const existing = await findPersonsByHash(db, countyCode, hashes);
  const byHash = new Map(existing.map((p) => [p.idHash, p.id]));
  const active = await activeHouseholdsOf(
    db,
    countyCode,
    existing.map((p) => p.id),
  );
  const elsewhere = new Map(
    active.filter((a) => a.householdId !== householdId).map((a) => [a.personId, a.householdNo]),
  );
  const fields = members.flatMap((m, i) => {
    const other = elsewhere.get(byHash.get(hashes[i]) ?? -1);
    if (!other) return [];
    return [
      {
        field: `members[${i}].idNumber`,
        messageZh: `${m.name}（${maskIdNumber(m.idNumber)}）已是户 ${other} 的在册成员，请先办理迁出`,
        messageEn: `${maskIdNumber(m.idNumber)} is already an active member of household ${other}`,
      },
    ];
  });
  if (fields.length > 0)
    throw new AppError('CONFLICT', { zh: '成员已在其他户中', en: 'A member belongs to another household' }, fields);
  return byHash;
}

/** One timeline entry plus its audit row; a village officer's change waits for township review. */
export async function recordChange(
  tx: Db,
  ctx: RequestContext,
  household: Pick<HouseholdRecord, 'id' | 'countyCode' | 'villageCode' | 'householdNo'>,
  action: string,
  reason: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  const diff = changedFields(before, after);
  await insertChange(tx, {
    countyCode: household.countyCode,
    householdId: household.id,
    villageCode: household.villageCode,
    actorId: ctx.actor.id || null,
    actorName: ctx.actor.displayName,
    action,
    reason,
    before: diff.before,
    after: diff.after,
    reviewStatus: ctx.actor.role === 'villageOfficer' ? 'pending' : 'none',
  });
  await recordAudit(tx, ctx, {
    action,
    entity: 'household',
    entityId: household.householdNo,
    orgCode: household.villageCode,
    before,
    after,
  });
}
