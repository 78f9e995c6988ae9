import type { OrgTreeNode, OrgUnit } from '#common/contracts/org.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requireInScope, requirePermission } from '#server/lib/permissions.ts';
import {
  findChildren,
  findUnit,
  listUnits,
  searchUnits,
  upsertUnits,
  type OrgUnitWithCount,
} from './org.repository.ts';
import { qinshuiOrgUnits } from './qinshui.ts';

function toDto(u: OrgUnitWithCount): OrgUnit {
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    kind: u.kind,
    parentCode: u.parentCode,
    validFrom: u.validFrom,
    validTo: u.validTo,
    successorCode: u.successorCode,
    synthetic: u.synthetic,
    note: u.note ?? null,
    childCount: u.childCount,
  };
}

export interface TreeOptions {
  depth: number;
  asOf?: string;
  includeClosed?: boolean;
}

export function createOrgService(db: Db) {
  async function getUnit(ctx: RequestContext, code: string): Promise<OrgUnit> {
    requirePermission(ctx, 'org:read');
    requireInScope(ctx, code);
    const unit = await findUnit(db, code);
    if (!unit) throw AppError.notFound({ zh: '机构', en: 'Org unit' });
    return toDto(unit);
  }

  async function children(ctx: RequestContext, code: string, opts: Omit<TreeOptions, 'depth'>): Promise<OrgUnit[]> {
    await getUnit(ctx, code);
    const rows = await findChildren(db, code, { asOf: opts.asOf, includeClosed: opts.includeClosed ?? false });
    return rows.map(toDto);
  }

  /** The actor's own unit as the root, expanded `depth` levels down. */
  async function tree(ctx: RequestContext, opts: TreeOptions): Promise<OrgTreeNode[]> {
    const root = await getUnit(ctx, ctx.actor.orgCode);
    const expand = async (unit: OrgUnit, depth: number): Promise<OrgTreeNode> => {
      if (depth <= 0 || unit.childCount === 0) return { ...unit, children: [] };
      const kids = await findChildren(db, unit.code, { asOf: opts.asOf, includeClosed: opts.includeClosed ?? false });
      return { ...unit, children: await Promise.all(kids.map((k) => expand(toDto(k), depth - 1))) };
    };
    return [await expand(root, opts.depth)];
  }

  async function search(ctx: RequestContext, q: string, limit: number): Promise<OrgUnit[]> {
    requirePermission(ctx, 'org:read');
    return (await searchUnits(db, ctx.actor.scopePrefix, q, limit)).map(toDto);
  }

  async function list(ctx: RequestContext, opts: { level?: OrgUnit['level']; includeClosed?: boolean }) {
    requirePermission(ctx, 'org:read');
    return listUnits(db, ctx.actor.scopePrefix, { level: opts.level, includeClosed: opts.includeClosed ?? false });
  }

  return { getUnit, children, tree, search, list };
}

export type OrgService = ReturnType<typeof createOrgService>;

/** Load (or refresh) the Qinshui tree. Idempotent: safe on every start. */
export async function seedQinshui(db: Db): Promise<number> {
  const units = qinshuiOrgUnits();
  await upsertUnits(db, units);
  return units.length;
}
