import { type OutletPage, type ProductPage, type SalePage } from '#web/api/village-economy.ts';

export type OutletRow = OutletPage['items'][number];

export type ProductRow = ProductPage['items'][number];

export type SaleRow = SalePage['items'][number];

export const options = (list: readonly { code: string; zh: string }[]) =>
  list.map((x) => ({ value: x.code, label: x.zh }));
