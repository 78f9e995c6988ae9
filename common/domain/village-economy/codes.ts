import type { CodeEntry } from '../registry/codes.ts';

// Code lists of 村集体经济 and 消费帮扶 (沁发〔2021〕17号 §二(三)1 二是, 四是; §二(一)5).

/** Sources of a village collective's yearly income. */
export const COLLECTIVE_SOURCES = [
  { code: 'asset', zh: '经营性资产收益（光伏除外）' },
  { code: 'photovoltaic', zh: '光伏电站收益' },
  { code: 'land', zh: '土地（资源）发包租赁收入' },
  { code: 'operations', zh: '集体经营收入' },
  { code: 'other', zh: '其他收入' },
] as const satisfies readonly CodeEntry[];
export type CollectiveSource = (typeof COLLECTIVE_SOURCES)[number]['code'];

/** “三专”: 专馆, 专区, 专柜. */
export const OUTLET_KINDS = [
  { code: 'pavilion', zh: '专馆' },
  { code: 'zone', zh: '专区' },
  { code: 'counter', zh: '专柜' },
] as const satisfies readonly CodeEntry[];
export type OutletKind = (typeof OUTLET_KINDS)[number]['code'];
export const OUTLET_KIND_CODES = OUTLET_KINDS.map((k) => k.code) as [OutletKind, ...OutletKind[]];

export const OUTLET_CHANNELS = [
  { code: 'offline', zh: '线下' },
  { code: 'online', zh: '线上' },
] as const satisfies readonly CodeEntry[];
export type OutletChannel = (typeof OUTLET_CHANNELS)[number]['code'];
export const OUTLET_CHANNEL_CODES = OUTLET_CHANNELS.map((k) => k.code) as [OutletChannel, ...OutletChannel[]];

export const SUPPLIER_KINDS = [
  { code: 'household', zh: '脱贫户' },
  { code: 'cooperative', zh: '合作社' },
] as const satisfies readonly CodeEntry[];
export type SupplierKind = (typeof SUPPLIER_KINDS)[number]['code'];
export const SUPPLIER_KIND_CODES = SUPPLIER_KINDS.map((k) => k.code) as [SupplierKind, ...SupplierKind[]];

export const PRODUCT_CATEGORIES = [
  { code: 'grain', zh: '粮油杂粮' },
  { code: 'produce', zh: '果蔬' },
  { code: 'livestock', zh: '畜禽肉蛋' },
  { code: 'mountain', zh: '山货特产' },
  { code: 'processed', zh: '加工食品' },
  { code: 'craft', zh: '手工艺品' },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number]['code'];
export const PRODUCT_CATEGORY_CODES = PRODUCT_CATEGORIES.map((k) => k.code) as [ProductCategory, ...ProductCategory[]];

export function zhOfCode(list: readonly CodeEntry[], code: string | null | undefined): string {
  return list.find((e) => e.code === code)?.zh ?? code ?? '';
}
