import type {
  CreateHouseholdRequest,
  HouseholdDetail,
  IncomeInput,
  MemberInput,
  MonitoringField,
  MonitoringStatusInput,
  UpdateHouseholdRequest,
} from '#common/contracts/registry.ts';
import { MONITORING_FIELDS } from '#common/contracts/registry.ts';
import { maskPhone } from '#common/domain/id-card.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import { deriveWholeHouseholdNoLabour } from '#common/domain/registry/validation.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import {
  loadHousehold,
  recordChange,
  requireNotActiveElsewhere,
  requireOpenVillage,
  requireValid,
} from './registry.guard.ts';
import { get } from './registry.households.ts';
import {
  factsOf,
  incomeRowOf,
  memberAuditView,
  memberFromRecord,
  monitoringEdits,
  NOT_MONITORED,
  personFromInput,
  toDomainHousehold,
} from './registry.mapping.ts';
import {
  activeMembers,
  findHouseholdByNo,
  incomesOf,
  insertHousehold,
  insertMemberships,
  insertPerson,
  updateHousehold,
  updatePerson,
  upsertIncome,
  type HouseholdRecord,
} from './registry.repository.ts';
import { staleVersion, type MonitoringOrigin, type NewHousehold, type RegistryDeps } from './registry.shared.ts';

// Writing households: 新增农户 (never with a monitoring status over HTTP), a new household already monitored (the
// national export, the demo county), a facts edit, a year's income. Each in one transaction with its timeline entry.

type Monitoring = Pick<HouseholdRecord, MonitoringField>;

/** 新增农户 (HTTP): never with a monitoring status; each monitoring field given is refused (400). */
export async function create(
  d: RegistryDeps,
  ctx: RequestContext,
  input: CreateHouseholdRequest,
): Promise<HouseholdDetail> {
  requirePermission(ctx, 'registry:write');
  const { monitoringType, identificationPeriod, riskTypes, eliminationPeriod, eliminationMode, ...household } = input;
  const refused = monitoringEdits(
    NOT_MONITORED,
    { monitoringType, identificationPeriod, riskTypes, eliminationPeriod, eliminationMode },
    'create',
  );
  if (refused.length > 0) throw AppError.validation(refused);
  return insertNew(d, ctx, household, NOT_MONITORED, null);
}

/**
 * A new household that is already monitored, as the national export or the demo county brings it; not routed over
 * HTTP. The status is imported history: its own `registry_change` entry (`origin.action`), apart from `create`.
 */
export async function createMonitored(
  d: RegistryDeps,
  ctx: RequestContext,
  input: NewHousehold,
  status: MonitoringStatusInput,
  origin: MonitoringOrigin,
): Promise<HouseholdDetail> {
  requirePermission(ctx, 'registry:write');
  return insertNew(d, ctx, input, { eliminationPeriod: null, eliminationMode: null, ...status }, origin);
}

function duplicateNo(householdNo: string): AppError {
  return new AppError('CONFLICT', { zh: '户编号已存在', en: 'Household number already exists' }, [
    {
      field: 'householdNo',
      messageZh: `户编号 ${householdNo} 已存在`,
      messageEn: `Household number ${householdNo} already exists`,
    },
  ]);
}

/** The new household's people: each person updated (already known in the county) or inserted, then the memberships. */
async function insertMembers(
  d: RegistryDeps,
  tx: Db,
  target: { countyCode: string; householdId: number },
  members: MemberInput[],
  existing: Map<string, number>,
) {
  const rows = [];
  for (const m of members) {
    const person = personFromInput(m, target.countyCode, d.box, d.today());
    let personId = existing.get(person.idHash);
    if (personId) await updatePerson(tx, personId, person);
    else personId = await insertPerson(tx, person);
    rows.push({ ...target, personId, relationship: m.relationship, validFrom: d.today() });
  }
  await insertMemberships(tx, rows);
}

async function insertNew(
  d: RegistryDeps,
  ctx: RequestContext,
  input: NewHousehold,
  monitoring: Monitoring,
  origin: MonitoringOrigin | null,
): Promise<HouseholdDetail> {
  const { db, box } = d;
  await requireOpenVillage(db, ctx, input.villageCode);
  const countyCode = countyCodeOf(input.villageCode);
  const { members, income, reason, householdNo, ...facts } = input;
  const noLabour = deriveWholeHouseholdNoLabour(members);
  const domain = toDomainHousehold(householdNo, { ...facts, ...monitoring }, members, income ?? null, noLabour);
  requireValid(domain, members, d.today());
  if (await findHouseholdByNo(db, countyCode, householdNo)) throw duplicateNo(householdNo);
  const existing = await requireNotActiveElsewhere(db, box, countyCode, members, null);
  const id = await db.transaction(async (tx) => {
    const { phone, ...rest } = facts;
    const newId = await insertHousehold(tx, {
      ...rest,
      ...monitoring,
      countyCode,
      householdNo,
      phoneCipher: phone ? box.encrypt(phone) : null,
      wholeHouseholdNoLabour: noLabour,
    });
    await insertMembers(d, tx, { countyCode, householdId: newId }, members, existing);
    if (income) await upsertIncome(tx, { ...income, countyCode, householdId: newId, householdSize: members.length });
    // The create entry holds the facts without the monitoring status (as merge.ts's import entry); a given status follows as its own entry.
    const created = Object.fromEntries(
      Object.entries(factsOf({ ...rest, householdNo } as never)).filter(
        ([k]) => !(MONITORING_FIELDS as readonly string[]).includes(k),
      ),
    );
    const after = { ...created, members: members.map(memberAuditView), income: income ?? null };
    const target = { id: newId, countyCode, villageCode: input.villageCode, householdNo };
    await recordChange(tx, ctx, target, 'create', reason, null, after);
    // As merge.ts does for the national import: the status as its own entry, from "not monitored" to the given one.
    if (origin)
      await recordChange(tx, ctx, target, origin.action, origin.reason, { ...NOT_MONITORED }, { ...monitoring });
    return newId;
  });
  await d.changed(ctx, [id]);
  return get(d, ctx, id);
}

const monitoringOf = (h: HouseholdRecord): Monitoring => ({
  monitoringType: h.monitoringType,
  identificationPeriod: h.identificationPeriod,
  riskTypes: h.riskTypes,
  eliminationPeriod: h.eliminationPeriod,
  eliminationMode: h.eliminationMode,
});

export async function update(
  d: RegistryDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateHouseholdRequest,
): Promise<HouseholdDetail> {
  const { db, box } = d;
  requirePermission(ctx, 'registry:write');
  const { household: h } = await loadHousehold(db, ctx, id);
  const {
    version,
    reason,
    phone: phoneInput,
    monitoringType,
    identificationPeriod,
    riskTypes,
    eliminationPeriod,
    eliminationMode,
    ...facts
  } = input;
  // The monitoring status is read-only here (identification / elimination cases, or a national import).
  const refused = monitoringEdits(h, {
    monitoringType,
    identificationPeriod,
    riskTypes,
    eliminationPeriod,
    eliminationMode,
  });
  if (refused.length > 0) throw AppError.validation(refused);
  // Absent phone: unchanged (the edit form only ever sees the masked number); null clears it.
  const phone = phoneInput === undefined ? (h.phoneCipher ? box.decrypt(h.phoneCipher) : null) : phoneInput;
  if (facts.villageCode !== h.villageCode) await requireOpenVillage(db, ctx, facts.villageCode);
  const members = (await activeMembers(db, id)).map((m) => memberFromRecord(m, box));
  const withStatus = { ...facts, ...monitoringOf(h), phone };
  const domain = toDomainHousehold(h.householdNo, withStatus, members, null, h.wholeHouseholdNoLabour);
  requireValid(domain, members, d.today());
  await db.transaction(async (tx) => {
    const ok = await updateHousehold(tx, id, version, { ...facts, phoneCipher: phone ? box.encrypt(phone) : null });
    if (!ok) throw staleVersion();
    const before = { ...factsOf(h), phone: h.phoneCipher ? maskPhone(box.decrypt(h.phoneCipher)) : null };
    const after = { ...factsOf({ ...h, ...facts }), phone: phone ? maskPhone(phone) : null };
    await recordChange(tx, ctx, { ...h, villageCode: facts.villageCode }, 'update', reason, before, after);
  });
  await d.changed(ctx, [id]);
  return get(d, ctx, id);
}

export async function saveIncome(
  d: RegistryDeps,
  ctx: RequestContext,
  id: number,
  input: IncomeInput & { reason: string },
): Promise<HouseholdDetail> {
  const { db } = d;
  requirePermission(ctx, 'registry:write');
  const { household: h } = await loadHousehold(db, ctx, id);
  const size = (await activeMembers(db, id)).length;
  const { reason, ...income } = input;
  const before = (await incomesOf(db, id)).find((r) => r.year === income.year);
  await db.transaction(async (tx) => {
    await upsertIncome(tx, { ...income, countyCode: h.countyCode, householdId: id, householdSize: size });
    await recordChange(tx, ctx, h, 'income', reason, before ? { ...incomeRowOf(before) } : null, {
      ...income,
      householdSize: size,
    });
  });
  await d.changed(ctx, [id]);
  return get(d, ctx, id);
}
