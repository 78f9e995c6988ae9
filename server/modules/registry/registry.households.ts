import type { HouseholdDetail, HouseholdListRow } from '#common/contracts/registry.ts';
import { maskIdNumber, maskPhone, normaliseIdNumber, validateIdNumber } from '#common/domain/id-card.ts';
import { countyCodeOf, orgFilterPrefix } from '#common/domain/org-code.ts';
import { periodOf } from '#common/domain/period.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { pageWindow, usesCursor } from '#server/lib/paging.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { loadHousehold } from './registry.guard.ts';
import { incomeRowOf, memberFromRecord, memberRowOf, toDomainHousehold } from './registry.mapping.ts';
import { householdQuality, qualityReport, walkQuality, type QualityVisit } from './registry.quality.ts';
import {
  activeMembers,
  changesOf,
  countHouseholds,
  findPersonsByHash,
  incomesOf,
  listHouseholds,
  type HouseholdRecord,
  type MemberRecord,
} from './registry.repository.ts';
import type { RegistryDeps, SearchQuery } from './registry.shared.ts';

// Reading households: the search (paged or by cursor), one household with its members, incomes and data-quality
// findings, its change timeline, a full ID number revealed (audited), the data-quality report and walk.

type SearchResult = {
  items: HouseholdListRow[];
  nextAfterId: number | null;
  total: number;
  page: number;
  pageSize: number;
};

/** The persons a full, valid ID number in the search text names (in the actor's county, or the named one). */
async function personIdsOfId({ db, box }: RegistryDeps, ctx: RequestContext, q: SearchQuery, id: string) {
  const county = countyCodeOf(
    ctx.actor.orgCode === '000000000000' ? (q.orgCode ?? id.slice(0, 6) + '000000') : ctx.actor.orgCode,
  );
  return (await findPersonsByHash(db, county, [box.hash(id)])).map((p) => p.id);
}

async function searchFilter(d: RegistryDeps, ctx: RequestContext, q: SearchQuery) {
  const text = q.q?.trim() ?? '';
  const id = normaliseIdNumber(text);
  const byId = /^\d{17}[\dX]$/.test(id) && validateIdNumber(id, d.today()).ok;
  const personIds = byId ? await personIdsOfId(d, ctx, q, id) : undefined;
  return {
    ...q,
    scopePrefix: ctx.actor.scopePrefix,
    orgPrefix: orgFilterPrefix(q.orgCode),
    kind: q.kind,
    monitoringStatus: q.monitoringStatus,
    monitoredAtLeast: q.monitoredMonths ? { period: periodOf(d.today()), months: q.monitoredMonths } : undefined,
    personIds,
    // Household numbers are ASCII; names are not.
    householdNoPrefix: !byId && /^[0-9A-Za-z-]{4,40}$/.test(text) ? text : undefined,
    memberNamePrefix: !byId && text && !/^[0-9A-Za-z-]+$/.test(text) ? text : undefined,
  };
}

function listRowOf({ box }: RegistryDeps, r: Awaited<ReturnType<typeof listHouseholds>>[number]): HouseholdListRow {
  return {
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
  };
}

export async function search(d: RegistryDeps, ctx: RequestContext, q: SearchQuery): Promise<SearchResult> {
  requirePermission(ctx, 'registry:read');
  const filter = await searchFilter(d, ctx, q);
  const [rows, total] = await Promise.all([listHouseholds(d.db, filter), countHouseholds(d.db, filter)]);
  const win = pageWindow(q);
  const items = rows.map((r) => listRowOf(d, r));
  const more = usesCursor(q) && rows.length === win.pageSize;
  return {
    items,
    total,
    page: win.page ?? 1,
    pageSize: win.pageSize,
    nextAfterId: more ? items[items.length - 1].id : null,
  };
}

/** The household's own facts as the detail shows them (the head's ID and the phone masked). */
function householdFacts(
  { box }: RegistryDeps,
  h: HouseholdRecord,
  names: Pick<Awaited<ReturnType<typeof loadHousehold>>, 'villageName' | 'townshipName'>,
  head: MemberRecord | undefined,
) {
  return {
    id: h.id,
    householdNo: h.householdNo,
    villageCode: h.villageCode,
    villageName: names.villageName,
    townshipName: names.townshipName,
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
  };
}

export async function get(d: RegistryDeps, ctx: RequestContext, id: number): Promise<HouseholdDetail> {
  const { db, box } = d;
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
  const today = d.today();
  return {
    ...householdFacts(d, h, { villageName, townshipName }, head),
    members: members.map((m) => memberRowOf(m, box, today)),
    incomes: incomes.map(incomeRowOf),
    quality: await householdQuality(db, h.countyCode, h.id, domain, domainMembers, today, d.assistanceFacts),
  };
}

export async function timeline({ db }: RegistryDeps, ctx: RequestContext, id: number) {
  requirePermission(ctx, 'registry:read');
  await loadHousehold(db, ctx, id);
  return (await changesOf(db, id)).map((c) => ({ ...c, at: c.at.toISOString() }));
}

/** One full ID number, for county and township roles only; every reveal is audited. */
export async function revealId({ db, box }: RegistryDeps, ctx: RequestContext, id: number, personId: number) {
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

/** 数据质量报告: the per-village findings of the households under `prefix` (the actor's scope when empty). */
export function quality(d: RegistryDeps, ctx: RequestContext, prefix = '') {
  return qualityReport(d.db, d.box, ctx, d.today(), d.assistanceFacts, prefix);
}

/** Every open household under `prefix` with its findings (registry.lists.ts pages and exports these). */
export function qualityWalk(d: RegistryDeps, ctx: RequestContext, prefix: string, visit: (v: QualityVisit) => void) {
  return walkQuality(d.db, d.box, ctx, d.today(), d.assistanceFacts, prefix, visit);
}
