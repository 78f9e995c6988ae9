import type { z } from 'zod';
import type { OutletRow, ProductRow, outletExportQuery } from '#common/contracts/consumer-assistance.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type { ProductCategory } from '#common/domain/village-economy/codes.ts';
import type { Db } from '#server/db/connect.ts';
import { todayInChina, type Clock } from '#server/lib/clock.ts';
import * as repo from './consumer-assistance.repository.ts';

// What the 消费帮扶 use cases share (consumer-assistance.outlets.ts, .products.ts, .sales.ts, .ledger.ts): the deps
// the factory builds once, the row shapes, the outlet list's filters.

/** What every consumer-assistance use case is given by `createConsumerAssistanceService`. */
export interface ConsumerDeps {
  db: Db;
  clock: Clock;
}

/** The county's day by the factory's clock. */
export const todayOf = (d: ConsumerDeps) => todayInChina(d.clock());

export type OutletExportQuery = z.infer<typeof outletExportQuery>;

export const OUTLET = { zh: '消费帮扶网点', en: 'Outlet' };
export const PRODUCT = { zh: '帮扶产品', en: 'Product' };

export const yearOf = (day: string) => Number(day.slice(0, 4));

export function toOutletRow(r: Awaited<ReturnType<typeof repo.listOutlets>>[number]): OutletRow {
  const x = r.outlet;
  return {
    id: x.id,
    orgCode: x.orgCode,
    orgName: r.orgName,
    kind: x.kind,
    channel: x.channel,
    name: x.name,
    location: x.location,
    operator: x.operator,
    openedOn: x.openedOn,
    closedOn: x.closedOn,
    closeNote: x.closeNote,
    salesYearFen: r.salesYearFen,
    salesTotalFen: r.salesTotalFen,
  };
}

export function toProductRow(r: Awaited<ReturnType<typeof repo.listProducts>>[number]): ProductRow {
  const x = r.product;
  return {
    id: x.id,
    orgCode: x.orgCode,
    orgName: r.orgName,
    name: x.name,
    category: x.category as ProductCategory,
    supplierKind: x.supplierKind,
    householdId: x.householdId,
    householdNo: r.householdNo,
    supplierName: x.supplierKind === 'cooperative' ? x.supplierName : r.headName,
    salesTotalFen: r.salesTotalFen,
  };
}

export const outletFilter = (q: OutletExportQuery, today: string) => ({
  kind: q.kind,
  status: q.status,
  orgPrefix: orgFilterPrefix(q.orgCode),
  q: q.q,
  today,
});
