import type { z } from 'zod';
import type {
  CreateHouseholdRequest,
  HouseholdDetail,
  HouseholdListRow,
  householdSearchQuery,
  IncomeInput,
  MonitoringField,
  MonitoringStatusInput,
  UpdateHouseholdRequest,
} from '../../../common/contracts/registry.ts';
import { MONITORING_FIELDS } from '../../../common/contracts/registry.ts';
import { maskIdNumber, maskPhone, normaliseIdNumber, validateIdNumber } from '../../../common/domain/id-card.ts';
import { countyCodeOf, orgFilterPrefix } from '../../../common/domain/org-code.ts';
import { periodOf } from '../../../common/domain/period.ts';
import { deriveWholeHouseholdNoLabour } from '../../../common/domain/registry/validation.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/app-error.ts';
import { systemClock, todayInChina, type Clock } from '../../lib/clock.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PersonalDataBox } from '../../lib/crypto.ts';
import { pageWindow, usesCursor } from '../../lib/paging.ts';
import { requirePermission } from '../../lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import {
  loadHousehold,
  recordChange,
  requireNotActiveElsewhere,
  requireOpenVillage,
  requireValid,
} from './registry.guard.ts';
import { changeNotifier, type RegistryHooks } from './registry.hooks.ts';
import {
  factsOf,
  incomeRowOf,
  memberAuditView,
  monitoringEdits,
  memberFromRecord,
  NOT_MONITORED,
  memberRowOf,
  personFromInput,
  toDomainHousehold,
} from './registry.mapping.ts';
import {
  householdQuality,
  NO_ASSISTANCE_FACTS,
  qualityReport,
  walkQuality,
  type QualityVisit,
} from './registry.quality.ts';
import {
  activeMembers,
  changesOf,
  findHouseholdByNo,
  findPersonsByHash,
  incomesOf,
  insertHousehold,
  insertMemberships,
  insertPerson,
  countHouseholds,
  listHouseholds,
  type HouseholdRecord,
  updateHousehold,
  updatePerson,
  upsertIncome,
} from './registry.repository.ts';

type SearchQuery = z.infer<typeof householdSearchQuery>;
/** A new household's facts and people, without the monitoring status. */
export type NewHousehold = Omit<CreateHouseholdRequest, MonitoringField>;
/** Where a new household's monitoring status comes from: the national system's export (imported history). */
export interface MonitoringOrigin {
  action: 'importNational';
  reason: string;
}

export function createRegistryService(
  db: Db,
  box: PersonalDataBox,
  clock: Clock = systemClock,
  hooks: RegistryHooks = {},
) {
  const today = () => todayInChina(clock());
  const changed = changeNotifier(hooks);
  const assistanceFacts = hooks.assistanceFacts ?? NO_ASSISTANCE_FACTS;

  async function search(
    ctx: RequestContext,
    q: SearchQuery,
  ): Promise<{ items: HouseholdListRow[]; nextAfterId: number | null; total: number; page: number; pageSize: number }> {
    requirePermission(ctx, 'registry:read');
    const text = q.q?.trim() ?? '';
    const id = normaliseIdNumber(text);
    const byId = /^\d{17}[\dX]$/.test(id) && validateIdNumber(id, today()).ok;
    let personIds: number[] | undefined;
    if (byId) {
      const county = countyCodeOf(
        ctx.actor.orgCode === '000000000000' ? (q.orgCode ?? id.slice(0, 6) + '000000') : ctx.actor.orgCode,
      );
      personIds = (await findPersonsByHash(db, county, [box.hash(id)])).map((p) => p.id);
    }
    const filter = {
      ...q,
      scopePrefix: ctx.actor.scopePrefix,
      orgPrefix: orgFilterPrefix(q.orgCode),
      kind: q.kind,
      monitoringStatus: q.monitoringStatus,
      monitoredAtLeast: q.monitoredMonths ? { period: periodOf(today()), months: q.monitoredMonths } : undefined,
      personIds,
      // Household numbers are ASCII; names are not.
      householdNoPrefix: !byId && /^[0-9A-Za-z-]{4,40}$/.test(text) ? text : undefined,
      memberNamePrefix: !byId && text && !/^[0-9A-Za-z-]+$/.test(text) ? text : undefined,
    };
    const [rows, total] = await Promise.all([listHouseholds(db, filter), countHouseholds(db, filter)]);
    const win = pageWindow(q);
    const items = rows.map((r) => ({
      id: r.household.id,
      householdNo: r.household.householdNo,
      villageCode: r.household.villageCode,
      villageName: r.villageName,
      townshipName: r.townshipName,
      kind: r.household.kind,
      monitoringStatus: r.household.monitoringStatus ?? 'none',
      monitoringType: r.household.monitoringType,
      headName: r.headName,
      headIdMasked: r.headIdCipher ? maskIdNumber(box.decrypt(r.headIdCipher)) : null,
      phoneMasked: r.household.phoneCipher ? maskPhone(box.decrypt(r.household.phoneCipher)) : null,
      size: r.size,
    }));
    const more = usesCursor(q) && rows.length === win.pageSize;
    return {
      items,
      total,
      page: win.page ?? 1,
      pageSize: win.pageSize,
      nextAfterId: more ? items[items.length - 1].id : null,
    };
  }

  async function get(ctx: RequestContext, id: number): Promise<HouseholdDetail> {
    requirePermission(ctx, 'registry:read');
    const { household: h, villageName, townshipName } = await loadHousehold(db, ctx, id);
    const [members, incomes] = await Promise.all([activeMembers(db, id), incomesOf(db, id)]);
    const head = members.find((m) => m.relationship === 'head');
    const domainMembers = members.map((m) => memberFromRecord(m, box));
    const latestIncome = incomes[0] ? incomeRowOf(incomes[0]) : null;
    const domain = toDomainHousehold(
      h.householdNo,
      { ...h, phone: h.phoneCipher ? box.decrypt(h.phoneCipher) : null },
      domainMembers,
      latestIncome,
      h.wholeHouseholdNoLabour,
    );
    return {
      id: h.id,
      householdNo: h.householdNo,
      villageCode: h.villageCode,
      villageName,
      townshipName,
      kind: h.kind,
      alleviatedAttribute: h.alleviatedAttribute,
      monitoringStatus: h.monitoringStatus ?? 'none',
      monitoringType: h.monitoringType,
      identificationPeriod: h.identificationPeriod,
      riskTypes: h.riskTypes,
      eliminationPeriod: h.eliminationPeriod,
      eliminationMode: h.eliminationMode,
      wholeHouseholdNoLabour: h.wholeHouseholdNoLabour,
      headName: head?.name ?? null,
      headIdMasked: head ? maskIdNumber(box.decrypt(head.idCipher)) : null,
      phoneMasked: h.phoneCipher ? maskPhone(box.decrypt(h.phoneCipher)) : null,
      address: h.address,
      housingGrade: h.housingGrade,
      waterSafe: h.waterSafe,
      schoolDropout: h.schoolDropout,
      housingUnsafe: h.housingUnsafe,
      medicalUninsured: h.medicalUninsured,
      extra: h.extra ?? null,
      version: h.version,
      members: members.map((m) => memberRowOf(m, box, today())),
      incomes: incomes.map(incomeRowOf),
      quality: await householdQuality(db, h.countyCode, h.id, domain, domainMembers, today(), assistanceFacts),
    };
  }

  /** 新增农户 (HTTP): never with a monitoring status; each monitoring field given is refused (400). */
  async function create(ctx: RequestContext, input: CreateHouseholdRequest): Promise<HouseholdDetail> {
    requirePermission(ctx, 'registry:write');
    const { monitoringType, identificationPeriod, riskTypes, eliminationPeriod, eliminationMode, ...household } = input;
    const refused = monitoringEdits(
      NOT_MONITORED,
      { monitoringType, identificationPeriod, riskTypes, eliminationPeriod, eliminationMode },
      'create',
    );
    if (refused.length > 0) throw AppError.validation(refused);
    return insertNew(ctx, household, NOT_MONITORED, null);
  }

  /**
   * A new household that is already monitored, as the national export or the demo county brings it; not routed over
   * HTTP. The status is imported history: its own `registry_change` entry (`origin.action`), apart from `create`.
   */
  async function createMonitored(
    ctx: RequestContext,
    input: NewHousehold,
    status: MonitoringStatusInput,
    origin: MonitoringOrigin,
  ): Promise<HouseholdDetail> {
    requirePermission(ctx, 'registry:write');
    return insertNew(ctx, input, { eliminationPeriod: null, eliminationMode: null, ...status }, origin);
  }

  async function insertNew(
    ctx: RequestContext,
    input: NewHousehold,
    monitoring: Pick<HouseholdRecord, MonitoringField>,
    origin: MonitoringOrigin | null,
  ): Promise<HouseholdDetail> {
    await requireOpenVillage(db, ctx, input.villageCode);
    const countyCode = countyCodeOf(input.villageCode);
    const { members, income, reason, householdNo, ...facts } = input;
    const noLabour = deriveWholeHouseholdNoLabour(members);
    const domain = toDomainHousehold(householdNo, { ...facts, ...monitoring }, members, income ?? null, noLabour);
    requireValid(domain, members, today());
    if (await findHouseholdByNo(db, countyCode, householdNo)) {
      throw new AppError('CONFLICT', { zh: '户编号已存在', en: 'Household number already exists' }, [
        {
          field: 'householdNo',
          messageZh: `户编号 ${householdNo} 已存在`,
          messageEn: `Household number ${householdNo} already exists`,
        },
      ]);
    }
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
      const rows = [];
      for (const m of members) {
        const person = personFromInput(m, countyCode, box, today());
        let personId = existing.get(person.idHash);
        if (personId) await updatePerson(tx, personId, person);
        else personId = await insertPerson(tx, person);
        rows.push({ countyCode, householdId: newId, personId, relationship: m.relationship, validFrom: today() });
      }
      await insertMemberships(tx, rows);
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
    await changed(ctx, [id]);
    return get(ctx, id);
  }

  async function update(ctx: RequestContext, id: number, input: UpdateHouseholdRequest): Promise<HouseholdDetail> {
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
    const monitoring = {
      monitoringType: h.monitoringType,
      identificationPeriod: h.identificationPeriod,
      riskTypes: h.riskTypes,
      eliminationPeriod: h.eliminationPeriod,
      eliminationMode: h.eliminationMode,
    };
    const domain = toDomainHousehold(
      h.householdNo,
      { ...facts, ...monitoring, phone },
      members,
      null,
      h.wholeHouseholdNoLabour,
    );
    requireValid(domain, members, today());
    await db.transaction(async (tx) => {
      const ok = await updateHousehold(tx, id, version, { ...facts, phoneCipher: phone ? box.encrypt(phone) : null });
      if (!ok) throw staleVersion();
      const before = { ...factsOf(h), phone: h.phoneCipher ? maskPhone(box.decrypt(h.phoneCipher)) : null };
      const after = { ...factsOf({ ...h, ...facts }), phone: phone ? maskPhone(phone) : null };
      await recordChange(tx, ctx, { ...h, villageCode: facts.villageCode }, 'update', reason, before, after);
    });
    await changed(ctx, [id]);
    return get(ctx, id);
  }

  async function saveIncome(
    ctx: RequestContext,
    id: number,
    input: IncomeInput & { reason: string },
  ): Promise<HouseholdDetail> {
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
    await changed(ctx, [id]);
    return get(ctx, id);
  }

  async function timeline(ctx: RequestContext, id: number) {
    requirePermission(ctx, 'registry:read');
    await loadHousehold(db, ctx, id);
    return (await changesOf(db, id)).map((c) => ({ ...c, at: c.at.toISOString() }));
  }

  /** One full ID number, for county and township roles only; every reveal is audited. */
  async function revealId(ctx: RequestContext, id: number, personId: number) {
    requirePermission(ctx, 'registry:revealId');
    const { household: h } = await loadHousehold(db, ctx, id);
    const member = (await activeMembers(db, id)).find((m) => m.id === personId);
    if (!member) throw AppError.notFound({ zh: '成员', en: 'Member' });
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'reveal-id',
        entity: 'person',
        entityId: personId,
        orgCode: h.villageCode,
        after: { householdNo: h.householdNo, name: member.name },
      }),
    );
    return { personId, idNumber: box.decrypt(member.idCipher) };
  }

  /** 数据质量报告: findings per village in the actor's scope, with the assistance facts wired in. */
  /** The per-village data-quality report of the households under `prefix` (the actor's scope when empty). */
  function quality(ctx: RequestContext, prefix = '') {
    return qualityReport(db, box, ctx, today(), assistanceFacts, prefix);
  }

  /** Every open household under `prefix` with its findings (registry.lists.ts pages and exports these). */
  function qualityWalk(ctx: RequestContext, prefix: string, visit: (v: QualityVisit) => void) {
    return walkQuality(db, box, ctx, today(), assistanceFacts, prefix, visit);
  }

  return { search, get, create, createMonitored, update, saveIncome, timeline, revealId, quality, qualityWalk };
}

export function staleVersion(): AppError {
  return new AppError(
    'CONFLICT',
    { zh: '该户已被他人修改，请刷新后重试', en: 'The household was changed by someone else; reload and try again' },
    [{ field: 'version', messageZh: '数据已过期', messageEn: 'Stale version' }],
  );
}

export type RegistryService = ReturnType<typeof createRegistryService>;
