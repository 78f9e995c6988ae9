// 村集体经济 (server/modules/collective-economy) and 消费帮扶 (server/modules/consumer-assistance).
import type { z } from 'zod';
import type { CollectiveInput, collectivePage, villageHistory } from '#common/contracts/collective-economy.ts';
import type {
  consumerSummary,
  OutletInput,
  outletPage,
  productPage,
  salePage,
} from '#common/contracts/consumer-assistance.ts';
import { api, apiRequest } from './client.ts';

export type CollectivePage = z.infer<typeof collectivePage>;
export type VillageHistory = z.infer<typeof villageHistory>;
export type OutletPage = z.infer<typeof outletPage>;
export type ProductPage = z.infer<typeof productPage>;
export type SalePage = z.infer<typeof salePage>;
export type ConsumerSummary = z.infer<typeof consumerSummary>;

type Query = Record<string, string | number | undefined>;

export const collectiveKeys = {
  all: ['collective-economy'] as const,
  list: () => ['collective-economy', 'list'] as const,
  village: (orgCode: string) => ['collective-economy', 'village', orgCode] as const,
};
export const consumerKeys = {
  all: ['consumer-assistance'] as const,
  summary: (year: number) => ['consumer-assistance', 'summary', year] as const,
  outlets: () => ['consumer-assistance', 'outlets'] as const,
  outletOptions: () => ['consumer-assistance', 'outlet-options'] as const,
  products: () => ['consumer-assistance', 'products'] as const,
  productOptions: () => ['consumer-assistance', 'product-options'] as const,
  sales: () => ['consumer-assistance', 'sales'] as const,
};

const queryString = (filters: Query) => {
  const q = new URLSearchParams(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return q ? `?${q}` : '';
};

export const fetchCollective = (q: Query) => api.get<CollectivePage>('/api/collective-economy', q);
export const fetchVillageHistory = (orgCode: string) =>
  api.get<VillageHistory>(`/api/collective-economy/villages/${orgCode}`);
export const saveCollective = (orgCode: string, year: number, body: CollectiveInput) =>
  apiRequest<VillageHistory>('PUT', `/api/collective-economy/villages/${orgCode}/${year}`, { body });
export const collectiveExportUrl = (filters: Query) => `/api/collective-economy/export.xlsx${queryString(filters)}`;

export const fetchConsumerSummary = (year: number) =>
  api.get<ConsumerSummary>('/api/consumer-assistance/summary', { year });
export const fetchOutlets = (q: Query) => api.get<OutletPage>('/api/consumer-assistance/outlets', q);
export const createOutlet = (body: OutletInput) => api.post<unknown>('/api/consumer-assistance/outlets', body);
export const closeOutlet = (id: number, body: { closedOn: string; note?: string }) =>
  api.post<unknown>(`/api/consumer-assistance/outlets/${id}/close`, body);
export const outletsExportUrl = (filters: Query) =>
  `/api/consumer-assistance/outlets/export.xlsx${queryString(filters)}`;
export const fetchProducts = (q: Query) => api.get<ProductPage>('/api/consumer-assistance/products', q);
export const createProduct = (body: {
  name: string;
  category: string;
  supplierKind: string;
  householdId?: number | null;
  supplierName?: string | null;
  orgCode?: string | null;
}) => api.post<unknown>('/api/consumer-assistance/products', body);
export const fetchSales = (q: Query) => api.get<SalePage>('/api/consumer-assistance/sales', q);
export const recordSale = (body: { outletId: number; productId: number; period: string; amountFen: number }) =>
  apiRequest<SalePage>('PUT', '/api/consumer-assistance/sales', { body });
