import { AF_DIMENSIONS, type AfDimension } from '#common/contracts/analysis.ts';
import { isPoor, normaliseWeights } from '#common/domain/analysis/alkire-foster.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { addSignal, openOrFindClue, ruleContext } from '../monitoring/index.ts';
import { deprivationRowOf, type DeprivationRow } from './deprivation.repository.ts';
import {
  DIMENSION_NAMES,
  RISK_OF,
  scopeOf,
  score,
  settingsOf,
  vector,
  type DeprivationDeps,
} from './deprivation.shared.ts';

// A clue (channel 部门信息比对) for a household the view finds poor and unmonitored: one per national cause, each
// with the deprivations as its signal's evidence, audited.

interface Raised {
  countyCode: string;
  row: DeprivationRow;
  deprived: AfDimension[];
  evidence: Record<string, unknown>;
}

/** Opens (or finds) the household's clue of each cause and adds the signal; the clue ids. */
async function openClues(tx: Db, ctx: RequestContext, { countyCode, row, deprived, evidence }: Raised) {
  const ids: number[] = [];
  for (const riskType of [...new Set(deprived.map((d) => RISK_OF[d]))]) {
    const summary = `多维剥夺：${deprived.map((d) => DIMENSION_NAMES[d]).join('、')}`;
    const clueId = await openOrFindClue(tx, {
      countyCode,
      householdId: row.householdId,
      villageCode: row.villageCode,
      channel: 'department',
      riskType,
      summary,
    });
    await addSignal(tx, {
      countyCode,
      clueId,
      channel: 'department',
      source: 'analysis.deprivation',
      evidence,
      createdBy: ctx.actor.displayName,
    });
    ids.push(clueId);
  }
  return ids;
}

/** Raise a clue (channel 部门信息比对) for one household the view finds poor and unmonitored, one per cause. */
export async function raiseClue(
  { db, lastMonth }: DeprivationDeps,
  ctx: RequestContext,
  input: { householdId: number; period?: string },
) {
  requirePermission(ctx, 'clues:write');
  const { countyCode, prefix } = scopeOf(ctx);
  const period = input.period ?? lastMonth();
  const rctx = await ruleContext(db, countyCode, period);
  const s = settingsOf(rctx);
  const row = await deprivationRowOf(db, rctx, s.foodRatio, prefix, input.householdId);
  if (!row) throw AppError.notFound({ zh: '农户', en: 'Household' });
  const w = normaliseWeights(s.weights);
  const c = score(vector(row), w);
  if (row.monitoringStatus === 'monitored' || !isPoor(c, s.k))
    throw new AppError('CONFLICT', {
      zh: '该户已是监测对象或未达到多维贫困临界值，无需生成线索',
      en: 'The household is monitored or below the deprivation cutoff',
    });
  const deprived = AF_DIMENSIONS.filter((_, j) => vector(row)[j]);
  const weights = Object.fromEntries(AF_DIMENSIONS.map((d, j) => [d, w[j]]));
  const evidence = { period, score: c, k: s.k, deprived, weights };
  const clueIds = await db.transaction(async (tx) => {
    const ids = await openClues(tx, ctx, { countyCode, row, deprived, evidence });
    await recordAudit(tx, ctx, {
      action: 'raiseClue',
      entity: 'household',
      entityId: row.householdId,
      orgCode: row.villageCode,
      after: { clueIds: ids, ...evidence },
    });
    return ids;
  });
  return { clueIds };
}
