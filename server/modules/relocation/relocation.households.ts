import type {
  relocatedExportQuery,
  relocatedInput,
  relocatedListQuery,
  HouseholdRelocation,
  RelocatedRow,
  RelocationEntry,
} from '#common/contracts/relocation.ts';
import { countyCodeOf, orgFilterPrefix } from '#common/domain/org-code.ts';
import { relocationEmploymentStatus } from '#common/domain/relocation/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { stableEmploymentOfHouseholds } from '../employment/index.ts';
import {
  activeRelocationOf,
  entriesOfHousehold,
  findSite,
  householdInScope,
  insertRelocated,
  relocatedRows,
} from './relocation.repository.ts';
import {
  checkOf,
  decodeEndReason,
  HOUSEHOLD,
  stableWindow,
  toRow,
  type Input,
  type RelocationDeps,
} from './relocation.shared.ts';

// Relocated households: the list with the check "每户至少一人稳定就业", a household registered, its section on the
// household page.

/** Every relocated household the filters select, each with its employment check. */
export async function relocatedAll(d: RelocationDeps, ctx: RequestContext, q: Input<typeof relocatedExportQuery>) {
  requirePermission(ctx, 'programmes:read');
  if (q.orgCode) requireInScope(ctx, q.orgCode);
  const rows = await relocatedRows(d.db, {
    scopePrefix: ctx.actor.scopePrefix,
    orgPrefix: orgFilterPrefix(q.orgCode),
    siteIds: q.siteId === undefined ? undefined : [q.siteId],
  });
  const { members } = await checkOf(d, rows);
  const all = rows.map((r) => toRow(r, members.get(Number(r.household_id)) ?? []));
  return q.short ? all.filter((r) => r.status === 'short') : all;
}

/** The list's page: the check runs over the relocated households in scope, then the page is cut. */
export async function listRelocated(d: RelocationDeps, ctx: RequestContext, q: Input<typeof relocatedListQuery>) {
  const all = await relocatedAll(d, ctx, q);
  const key = q.sort ?? 'householdNo';
  const value = (r: RelocatedRow) =>
    key === 'movedOn' ? r.movedOn + r.householdNo : key === 'site' ? r.siteName + r.householdNo : r.householdNo;
  const sorted = [...all].sort(
    (a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (q.order === 'desc' ? -1 : 1),
  );
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return {
    items: sorted.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    page,
    pageSize,
    ...(await stableWindow(d, countyCodeOf(ctx.actor.orgCode))),
  };
}

export async function addRelocated(
  { db, clock }: RelocationDeps,
  ctx: RequestContext,
  input: Input<typeof relocatedInput>,
) {
  requirePermission(ctx, 'programmes:write');
  const h = await householdInScope(db, ctx.actor.scopePrefix, input.householdId);
  if (!h) throw AppError.notFound(HOUSEHOLD);
  const site = await findSite(db, input.siteId);
  if (!site || site.countyCode !== h.county_code)
    throw AppError.validation([{ field: 'siteId', messageZh: '安置点不存在', messageEn: 'No such site' }]);
  if (input.movedOn > clock.today())
    throw AppError.validation([
      { field: 'movedOn', messageZh: '入住日期不能晚于今天', messageEn: 'Move-in date is in the future' },
    ]);
  if (await activeRelocationOf(db, h.county_code, input.householdId))
    throw AppError.validation([
      { field: 'householdId', messageZh: '该户已登记为搬迁户', messageEn: 'The household is already relocated' },
    ]);
  const id = await db.transaction(async (tx) => {
    const newId = await insertRelocated(tx, {
      countyCode: h.county_code,
      orgCode: h.village_code,
      siteId: input.siteId,
      householdId: input.householdId,
      movedOn: input.movedOn,
      note: input.note ?? null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'relocated_household',
      entityId: newId,
      orgCode: h.village_code,
      after: { ...input, siteName: site.name },
    });
    return newId;
  });
  return { id, householdId: input.householdId };
}

/** The household page's section: its relocation, each member's stable employment and the household's status. */
export async function household(
  { db, clock }: RelocationDeps,
  ctx: RequestContext,
  householdId: number,
): Promise<HouseholdRelocation> {
  requirePermission(ctx, 'programmes:read');
  const h = await householdInScope(db, ctx.actor.scopePrefix, householdId);
  if (!h) throw AppError.notFound(HOUSEHOLD);
  const [r] = await relocatedRows(db, { scopePrefix: ctx.actor.scopePrefix, householdId });
  const e = await stableEmploymentOfHouseholds(db, [householdId], h.county_code, clock.today().slice(0, 7));
  const history: RelocationEntry[] = (await entriesOfHousehold(db, householdId)).map((x) => ({
    id: Number(x.id),
    siteId: Number(x.site_id),
    siteName: x.site_name,
    movedOn: x.moved_on,
    endedOn: x.ended_on,
    ...decodeEndReason(x.end_reason),
    note: x.note,
  }));
  return {
    householdId,
    history,
    relocation: r ? { id: Number(r.id), siteId: Number(r.site_id), siteName: r.site_name, movedOn: r.moved_on } : null,
    status: r ? relocationEmploymentStatus(e.members) : null,
    stableMonths: e.stableMonths,
    stableWindowMonths: e.stableWindowMonths,
    members: e.members.map((m) => ({
      personId: m.personId,
      name: m.name,
      labourer: m.labourer,
      monthsEmployed: m.monthsEmployed,
      stable: m.stable,
    })),
  };
}
