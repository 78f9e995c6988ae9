import type { MemberInput, ReplaceMemberInput } from '#common/contracts/registry.ts';
import { normaliseIdNumber } from '#common/domain/id-card.ts';
import type { Member } from '#common/domain/registry/household.ts';
import { deriveWholeHouseholdNoLabour } from '#common/domain/registry/validation.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError, type FieldError } from '#server/lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { loadHousehold, recordChange, requireNotActiveElsewhere, requireValid } from './registry.guard.ts';
import { changeNotifier, type RegistryHooks } from './registry.hooks.ts';
import { memberAuditView, memberFromRecord, personFromInput, toDomainHousehold } from './registry.mapping.ts';
import {
  activeMembers,
  endMemberships,
  findHouseholdByNo,
  insertHousehold,
  insertMemberships,
  insertPerson,
  updateHousehold,
  updatePerson,
  updateRelationship,
  type HouseholdRecord,
  type MemberRecord,
} from './registry.repository.ts';
import { staleVersion } from './registry.shared.ts';

// Membership changes: replace, move, split, merge. Memberships are end-dated, never deleted (rule 4).

export function createMembershipService(
  db: Db,
  box: PersonalDataBox,
  clock: Clock = systemClock,
  hooks: RegistryHooks = {},
) {
  const today = () => todayInChina(clock());
  const changed = changeNotifier(hooks);

  function validateComposition(h: HouseholdRecord, members: Member[]): boolean {
    const noLabour = deriveWholeHouseholdNoLabour(members);
    requireValid(toDomainHousehold(h.householdNo, { ...h, phone: null }, members, null, noLabour), members, today());
    return noLabour;
  }

  /** Sets the active members to `input`: kept people are updated, missing ones end-dated, new ones added. */
  /** Members named by personId get their recorded ID number, and their phone unless a new one is given. */
  function resolveKnown(members: ReplaceMemberInput[], current: MemberRecord[]): MemberInput[] {
    const errors: FieldError[] = [];
    const resolved = members.map((m, i) => {
      const { personId, ...rest } = m;
      if (personId === undefined) return { ...rest, idNumber: rest.idNumber ?? '', phone: rest.phone ?? null };
      const record = current.find((r) => r.id === personId);
      if (!record) {
        errors.push({
          field: `members[${i}].personId`,
          messageZh: `第${i + 1}名成员不是本户的在册成员`,
          messageEn: `Member ${i + 1} is not an active member of this household`,
        });
        return { ...rest, idNumber: '', phone: null };
      }
      const known = memberFromRecord(record, box);
      if (rest.idNumber !== undefined && normaliseIdNumber(rest.idNumber) !== known.idNumber) {
        errors.push({
          field: `members[${i}].idNumber`,
          messageZh: `第${i + 1}名成员的证件号码与登记不符；证件号码有误请先办理更正`,
          messageEn: `Member ${i + 1}: the ID number differs from the record`,
        });
      }
      return { ...rest, idNumber: known.idNumber, phone: rest.phone === undefined ? known.phone : rest.phone };
    });
    if (errors.length > 0) throw AppError.validation(errors);
    return resolved;
  }

  async function replaceMembers(
    ctx: RequestContext,
    id: number,
    request: { members: ReplaceMemberInput[]; version: number; reason: string },
  ) {
    requirePermission(ctx, 'registry:write');
    const { household: h } = await loadHousehold(db, ctx, id);
    const current = await activeMembers(db, id);
    const input = { ...request, members: resolveKnown(request.members, current) };
    const noLabour = validateComposition(h, input.members);
    const existing = await requireNotActiveElsewhere(db, box, h.countyCode, input.members, id);
    const currentByPerson = new Map(current.map((m) => [m.id, m]));
    await db.transaction(async (tx) => {
      if (!(await updateHousehold(tx, id, input.version, { wholeHouseholdNoLabour: noLabour }))) throw staleVersion();
      const kept = new Set<number>();
      const added = [];
      for (const m of input.members) {
        const person = personFromInput(m, h.countyCode, box, today());
        const personId = existing.get(person.idHash);
        const membership = personId ? currentByPerson.get(personId) : undefined;
        if (personId) await updatePerson(tx, personId, person);
        if (membership) {
          kept.add(membership.id);
          if (membership.relationship !== m.relationship)
            await updateRelationship(tx, membership.membershipId, m.relationship);
        } else {
          added.push({
            countyCode: h.countyCode,
            householdId: id,
            personId: personId ?? (await insertPerson(tx, person)),
            relationship: m.relationship,
            validFrom: today(),
          });
        }
      }
      const removed = current.filter((m) => !kept.has(m.id));
      await endMemberships(
        tx,
        removed.map((m) => m.membershipId),
        today(),
        input.reason,
      );
      await insertMemberships(tx, added);
      await recordChange(
        tx,
        ctx,
        h,
        'members',
        input.reason,
        { members: current.map((m) => memberAuditView(memberFromRecord(m, box))) },
        { members: input.members.map(memberAuditView) },
      );
    });
    await changed(ctx, [id]);
  }

  /**
   * Moves people from `from` into `to` (both in scope), validating both households first; returns the writes.
   * `handle` reads: the transaction itself when called inside one (PGlite has a single connection).
   */
  async function transfer(
    handle: Db,
    ctx: RequestContext,
    from: HouseholdRecord,
    to: HouseholdRecord,
    moving: { personId: number; relationship: string }[],
    reason: string,
    action: string,
    newHousehold = false,
  ) {
    const fromMembers = await activeMembers(handle, from.id);
    const toMembers = newHousehold ? [] : await activeMembers(handle, to.id);
    const movingIds = new Set(moving.map((m) => m.personId));
    const leaving = fromMembers.filter((m) => movingIds.has(m.id));
    if (leaving.length !== moving.length) throw AppError.notFound({ zh: '成员', en: 'Member' });
    const staying = fromMembers.filter((m) => !movingIds.has(m.id));
    const relationshipOf = new Map(moving.map((m) => [m.personId, m.relationship]));
    const arriving: MemberRecord[] = leaving.map((m) => ({ ...m, relationship: relationshipOf.get(m.id)! }));
    const asDomain = (list: MemberRecord[]) => list.map((m) => memberFromRecord(m, box));
    const fromNoLabour = staying.length > 0 ? validateComposition(from, asDomain(staying)) : false;
    const toNoLabour = validateComposition(to, asDomain([...toMembers, ...arriving]));
    return async (tx: Db) => {
      await endMemberships(
        tx,
        leaving.map((m) => m.membershipId),
        today(),
        reason,
      );
      await insertMemberships(
        tx,
        arriving.map((m) => ({
          countyCode: to.countyCode,
          householdId: to.id,
          personId: m.id,
          relationship: m.relationship,
          validFrom: today(),
        })),
      );
      const closing = staying.length === 0 ? { closedOn: today(), closedReason: reason } : {};
      if (!(await updateHousehold(tx, from.id, from.version, { wholeHouseholdNoLabour: fromNoLabour, ...closing })))
        throw staleVersion();
      if (!(await updateHousehold(tx, to.id, to.version, { wholeHouseholdNoLabour: toNoLabour }))) throw staleVersion();
      const names = arriving.map((m) => memberAuditView(memberFromRecord(m, box)));
      await recordChange(
        tx,
        ctx,
        from,
        `${action}.out`,
        reason,
        { members: names },
        { to: to.householdNo, ...closing },
      );
      await recordChange(tx, ctx, to, `${action}.in`, reason, null, { from: from.householdNo, members: names });
    };
  }

  async function scopedByNo(ctx: RequestContext, countyCode: string, householdNo: string) {
    const h = await findHouseholdByNo(db, countyCode, householdNo);
    if (!h) throw AppError.notFound({ zh: '农户', en: 'Household' });
    return (await loadHousehold(db, ctx, h.id)).household;
  }

  async function moveMember(
    ctx: RequestContext,
    id: number,
    personId: number,
    input: { toHouseholdNo: string; relationship: string; reason: string },
  ) {
    requirePermission(ctx, 'registry:write');
    const { household: from } = await loadHousehold(db, ctx, id);
    const to = await scopedByNo(ctx, from.countyCode, input.toHouseholdNo);
    if (to.id === from.id)
      throw AppError.validation([
        { field: 'toHouseholdNo', messageZh: '不能迁入本户', messageEn: 'Cannot move into the same household' },
      ]);
    const apply = await transfer(
      db,
      ctx,
      from,
      to,
      [{ personId, relationship: input.relationship }],
      input.reason,
      'move',
    );
    await db.transaction(apply);
    await changed(ctx, [from.id, to.id]);
  }

  /** Part of a household becomes a new household (分户) in the same village with the same facts. */
  async function split(
    ctx: RequestContext,
    id: number,
    input: { newHouseholdNo: string; members: { personId: number; relationship: string }[]; reason: string },
  ) {
    requirePermission(ctx, 'registry:write');
    const { household: from } = await loadHousehold(db, ctx, id);
    if (await findHouseholdByNo(db, from.countyCode, input.newHouseholdNo)) {
      throw new AppError('CONFLICT', { zh: '户编号已存在', en: 'Household number already exists' }, [
        { field: 'newHouseholdNo', messageZh: '户编号已存在', messageEn: 'Household number already exists' },
      ]);
    }
    const {
      id: _id,
      householdNo: _no,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      monitoringStatus: _s,
      ...facts
    } = from;
    const draft = { ...from, id: 0, householdNo: input.newHouseholdNo, version: 1 };
    await transfer(db, ctx, from, draft, input.members, input.reason, 'split', true); // validates before any write
    const newId = await db.transaction(async (tx) => {
      const inserted = await insertHousehold(tx, { ...facts, householdNo: input.newHouseholdNo });
      const apply = await transfer(
        tx,
        ctx,
        from,
        { ...draft, id: inserted },
        input.members,
        input.reason,
        'split',
        true,
      );
      await apply(tx);
      return inserted;
    });
    await changed(ctx, [from.id, newId]);
  }

  /** All members of `fromHouseholdNo` join this household (并户); the other is closed, never deleted. */
  async function merge(
    ctx: RequestContext,
    id: number,
    input: { fromHouseholdNo: string; relationships: Record<string, string>; reason: string },
  ) {
    requirePermission(ctx, 'registry:write');
    const { household: into } = await loadHousehold(db, ctx, id);
    const from = await scopedByNo(ctx, into.countyCode, input.fromHouseholdNo);
    const moving = (await activeMembers(db, from.id)).map((m) => ({
      personId: m.id,
      relationship: input.relationships[String(m.id)] ?? 'other',
    }));
    const apply = await transfer(db, ctx, from, into, moving, input.reason, 'merge');
    await db.transaction(apply);
    await changed(ctx, [into.id, from.id]);
  }

  return { replaceMembers, moveMember, split, merge };
}

export type MembershipService = ReturnType<typeof createMembershipService>;
