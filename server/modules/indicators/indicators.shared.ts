import { referencedCodes } from '#common/domain/indicators/expression.ts';
import { SEED_INDICATORS } from '#common/domain/indicators/catalogue.ts';
import { COMPARE, type DataElementDef, type DataSetDef, type IndicatorDef } from '#common/domain/indicators/model.ts';
import { compiled } from '#common/domain/indicators/rollup.ts';
import type { Db } from '#server/db/connect.ts';
import type { Clock } from '#server/lib/clock.ts';
import type { RequestContext } from '#server/lib/context.ts';
import type { EvalDefs } from './indicators.engine.ts';
import { catalogueRows, orgUnitsOfCounty } from './indicators.repository.ts';
import { toTarget } from './indicators.text.ts';
import { OrgTree } from './org-tree.ts';

// What the indicator use cases (definitions, form, approvals, import, cockpit) share: the catalogue as loaded for
// evaluation, the org tree of a county, the approval states and the share-of-units definitions.

export type ApprovalStatus = 'open' | 'submitted' | 'approvedTownship' | 'approvedCounty';
/** Approved cells are locked until the approver returns them. */
export const LOCKED: ApprovalStatus[] = ['approvedTownship', 'approvedCounty'];

export type Defs = EvalDefs & { dataSets: DataSetDef[] };

/** The catalogue for evaluation, indicators in the seed catalogue's order (new ones last). */
export async function loadDefs(db: Db): Promise<Defs> {
  const { elements, indicators, targets, dataSets } = await catalogueRows(db);
  const order = new Map(SEED_INDICATORS.map((i, k) => [i.code, k]));
  indicators.sort((a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999));
  return {
    elements: new Map(elements.map((e) => [e.code, { ...e, computed: e.computed ?? undefined } as DataElementDef])),
    indicators: new Map(indicators.map((i) => [i.code, i as unknown as IndicatorDef])),
    targets: targets.map(toTarget),
    dataSets: dataSets as DataSetDef[],
  };
}

export async function treeOf(db: Db, countyCode: string): Promise<OrgTree> {
  return new OrgTree(await orgUnitsOfCounty(db, countyCode));
}

/** A share-of-units indicator: units of a level whose element meets a threshold (kept by delta on every write). */
export interface ShareDef {
  code: string;
  element: string;
  level: string;
  op: keyof typeof COMPARE;
  value: number;
}

export function shareDefs(defs: EvalDefs): ShareDef[] {
  return [...defs.indicators.values()].flatMap((i) =>
    i.mode === 'shareMeeting' && i.threshold && i.unitLevel
      ? [
          {
            code: i.code,
            element: referencedCodes(compiled(i.numerator), 'element')[0],
            level: i.unitLevel,
            op: (i.threshold.op === 'between' ? '>=' : i.threshold.op) as keyof typeof COMPARE,
            value: i.threshold.value,
          },
        ]
      : [],
  );
}

/** What every use case of the indicators service is given by the factory. */
export interface UseCaseDeps {
  db: Db;
  clock: Clock;
  loadDefs: () => Promise<Defs>;
  tree: (countyCode: string) => Promise<OrgTree>;
  countyOf: (ctx: RequestContext) => string;
  /** The unit an actor's pages open on: their own, or the county for system work. */
  homeUnit: (ctx: RequestContext) => string;
}
