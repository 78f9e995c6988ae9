import type { z } from 'zod';
import type { assetInput } from '#common/contracts/assets.ts';
import { countyCodeOf } from '#common/domain/org-code.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { get } from './assets.read.ts';
import { insertAsset, nextAssetSerial } from './assets.repository.ts';
import { requireAboveVillage, type AssetsDeps } from './assets.shared.ts';

// Registering an asset by hand (a completed project forms its own: assets.forming.ts).

type Input = z.infer<typeof assetInput>;

/** Assets found in the 清产核资 inventory that no project in the system formed (older projects). */
export async function create(d: AssetsDeps, ctx: RequestContext, input: Input) {
  requirePermission(ctx, 'assets:write');
  requireInScope(ctx, input.orgCode);
  requireAboveVillage(ctx, { zh: '资产登记由乡镇或县级办理', en: 'Assets are registered by the township or county' });
  const countyCode = countyCodeOf(input.orgCode);
  const id = await d.db.transaction(async (tx) => {
    const prefix = `ZC${input.originYear}I`;
    const serial = await nextAssetSerial(tx, countyCode, prefix);
    const newId = await insertAsset(tx, {
      ...input,
      countyCode,
      code: `${prefix}${String(serial).padStart(5, '0')}`,
      createdBy: ctx.actor.id || null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'asset',
      entityId: newId,
      orgCode: input.orgCode,
      after: { name: input.name, category: input.category, originalValueFen: input.originalValueFen },
    });
    return newId;
  });
  return get(d, ctx, id);
}
