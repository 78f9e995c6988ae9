import type { CollectiveInput } from '#common/contracts/collective-economy.ts';
import { levelOfCode } from '#common/domain/org-code.ts';
import { collectiveTotalFen, collectiveYearErrors } from '#common/domain/village-economy/rules.ts';
import { AppError } from '#server/lib/app-error.ts';
import { todayInChina } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { villageAssetIncome } from '../assets/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './collective-economy.repository.ts';
import type { CollectiveEconomyDeps } from './collective-economy.shared.ts';

// A village's entries: every year's entry (current and superseded) beside the asset ledger's income, and entering
// or correcting a year (the current entry superseded, history kept), audited.

const VILLAGE = { zh: '行政村', en: 'Village' };

type Entry = Awaited<ReturnType<typeof repo.currentEntry>>;

async function requireVillage({ db }: CollectiveEconomyDeps, ctx: RequestContext, orgCode: string) {
  const village = await repo.findVillage(db, ctx.actor.scopePrefix, orgCode);
  if (!village) throw AppError.notFound(VILLAGE);
  if (village.level !== 'village' || levelOfCode(orgCode) !== 'village')
    throw AppError.validation([
      {
        field: 'orgCode',
        messageZh: '集体经济收入按行政村登记',
        messageEn: 'Collective income is entered for a village',
      },
    ]);
  return village;
}

/** Every entry of a village (current and superseded) and the asset ledger's income by year. */
export async function history(d: CollectiveEconomyDeps, ctx: RequestContext, orgCode: string) {
  requirePermission(ctx, 'programmes:read');
  const village = await requireVillage(d, ctx, orgCode);
  const entries = await repo.entriesOf(d.db, orgCode);
  const ledger = await villageAssetIncome(d.db, ctx.actor.scopePrefix, { orgPrefix: orgCode });
  return {
    orgCode,
    villageName: village.name,
    entries: entries.map(({ entry: e, createdByName }) => ({
      id: e.id,
      year: e.year,
      assetFen: e.assetFen,
      photovoltaicFen: e.photovoltaicFen,
      landFen: e.landFen,
      operationsFen: e.operationsFen,
      otherFen: e.otherFen,
      totalFen: collectiveTotalFen(e),
      note: e.note,
      createdByName,
      createdAt: e.createdAt.toISOString(),
      supersededAt: e.supersededAt ? e.supersededAt.toISOString() : null,
    })),
    ledgerByYear: ledger
      .map(({ year, photovoltaicFen, assetFen }) => ({ year, photovoltaicFen, assetFen }))
      .sort((a, b) => b.year - a.year),
  };
}

/** A year's amounts as the audit row holds them (null: no entry). */
const amountsOf = (year: number, e: CollectiveInput | Entry) =>
  e
    ? {
        year,
        assetFen: e.assetFen,
        photovoltaicFen: e.photovoltaicFen,
        landFen: e.landFen,
        operationsFen: e.operationsFen,
        otherFen: e.otherFen,
        note: e.note ?? null,
      }
    : null;

/** Enter or correct a village's year: the current entry is superseded, the new one inserted, audited. */
export async function save(
  d: CollectiveEconomyDeps,
  ctx: RequestContext,
  orgCode: string,
  year: number,
  input: CollectiveInput,
) {
  requirePermission(ctx, 'programmes:write');
  requireInScope(ctx, orgCode);
  const village = await requireVillage(d, ctx, orgCode);
  const errors = collectiveYearErrors(year, todayInChina());
  if (errors.length) throw AppError.validation(errors);
  await d.db.transaction(async (tx) => {
    const current = await repo.currentEntry(tx, orgCode, year, true);
    if (current) await repo.supersede(tx, current.id);
    const id = await repo.insertEntry(tx, {
      countyCode: village.county_code,
      orgCode,
      year,
      assetFen: input.assetFen,
      photovoltaicFen: input.photovoltaicFen,
      landFen: input.landFen,
      operationsFen: input.operationsFen,
      otherFen: input.otherFen,
      note: input.note ?? null,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: current ? 'update' : 'create',
      entity: 'collective_income',
      entityId: id,
      orgCode,
      before: amountsOf(year, current),
      after: amountsOf(year, input),
    });
  });
  return history(d, ctx, orgCode);
}
