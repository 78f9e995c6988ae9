// Pure bookkeeping for the lazily loaded org tree: which units we know and whose children we have.
import type { TreeDataNode } from 'antd';
import type { ReactNode } from 'react';
import { levelOfCode } from '#common/domain/org-code.ts';
import type { OrgTreeNode, OrgUnit } from '#web/api/org.ts';

export interface OrgTreeModel {
  roots: string[];
  units: Map<string, OrgUnit>;
  /** Children by parent code; a parent missing here has children not loaded yet. */
  childrenOf: Map<string, string[]>;
}

export function buildOrgTreeModel(tree: OrgTreeNode[], lazilyLoaded: Record<string, OrgUnit[]>): OrgTreeModel {
  const units = new Map<string, OrgUnit>();
  const childrenOf = new Map<string, string[]>();
  const visit = (node: OrgTreeNode) => {
    const { children, ...unit } = node;
    units.set(unit.code, unit);
    if (children.length > 0 || unit.childCount === 0)
      childrenOf.set(
        unit.code,
        children.map((child) => child.code),
      );
    children.forEach(visit);
  };
  tree.forEach(visit);
  for (const [parentCode, children] of Object.entries(lazilyLoaded)) {
    children.forEach((child) => units.set(child.code, child));
    childrenOf.set(
      parentCode,
      children.map((child) => child.code),
    );
  }
  return { roots: tree.map((node) => node.code), units, childrenOf };
}

/** Open units first, then by code, so a merged township sits below the living ones. */
function byStatusThenCode(a: OrgUnit, b: OrgUnit): number {
  const closed = Number(a.validTo !== null) - Number(b.validTo !== null);
  return closed !== 0 ? closed : a.code.localeCompare(b.code);
}

export function toTreeData(model: OrgTreeModel, renderTitle: (unit: OrgUnit) => ReactNode): TreeDataNode[] {
  const build = (code: string): TreeDataNode | null => {
    const unit = model.units.get(code);
    if (!unit) return null;
    const childCodes = model.childrenOf.get(code);
    const children = childCodes
      ?.map((child) => model.units.get(child))
      .filter((child): child is OrgUnit => child !== undefined)
      .sort(byStatusThenCode)
      .map((child) => build(child.code))
      .filter((child): child is TreeDataNode => child !== null);
    return {
      key: code,
      title: renderTitle(unit),
      isLeaf: unit.childCount === 0 || (childCodes !== undefined && childCodes.length === 0),
      children,
    };
  };
  return model.roots.map(build).filter((node): node is TreeDataNode => node !== null);
}

/** Codes of the units above `code`, county first (derived from the code's structure). */
export function ancestorCodes(code: string): string[] {
  const county = code.slice(0, 6) + '000000';
  const township = code.slice(0, 9) + '000';
  const village = code.slice(0, 12);
  const chain: Record<ReturnType<typeof levelOfCode>, string[]> = {
    county: [],
    township: [county],
    village: [county, township],
    group: [county, township, village],
  };
  return chain[levelOfCode(code)];
}
