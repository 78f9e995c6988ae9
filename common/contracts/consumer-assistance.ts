import { z } from 'zod';
import {
  OUTLET_CHANNEL_CODES,
  OUTLET_KIND_CODES,
  PRODUCT_CATEGORY_CODES,
  SUPPLIER_KIND_CODES,
} from '../domain/village-economy/codes.ts';
import { pageMeta, pagingFields } from './paging.ts';

// 消费帮扶 (issue 15 item 4): 专馆/专区/专柜 outlets with location and operator against the plan's 2/2/20 target,
// products and their suppliers (a 脱贫户 of the registry or a 合作社 by name), monthly sales in fen.

const orgCode = z.string().regex(/^\d{12}$/, { message: '机构代码为12位数字 / org code is 12 digits' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式 YYYY-MM-DD / date YYYY-MM-DD' });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式 YYYY-MM / month YYYY-MM' });
const text = (zh: string, en: string, max = 100) =>
  z
    .string({ message: `请填写${zh} / ${en} required` })
    .trim()
    .min(1, { message: `请填写${zh} / ${en} required` })
    .max(max, { message: `${zh}至多${max}字 / ${en} at most ${max} characters` });
const id = z.coerce.number().int().positive();

export const outletKind = z.enum(OUTLET_KIND_CODES, {
  message: '类型应为专馆、专区或专柜 / kind: pavilion, zone or counter',
});
export const outletChannel = z.enum(OUTLET_CHANNEL_CODES, { message: '线上或线下 / online or offline' });
export const supplierKind = z.enum(SUPPLIER_KIND_CODES, {
  message: '供货方为脱贫户或合作社 / household or cooperative',
});
export const productCategory = z.enum(PRODUCT_CATEGORY_CODES, { message: '请选择品类 / choose a category' });

export const outletInput = z.object({
  orgCode,
  kind: outletKind,
  channel: outletChannel.default('offline'),
  name: text('网点名称', 'name'),
  location: text('地点', 'location', 200),
  operator: text('运营主体', 'operator'),
  openedOn: isoDate,
});
export type OutletInput = z.infer<typeof outletInput>;

export const closeOutletInput = z.object({
  closedOn: isoDate,
  note: z.string().trim().max(200).optional(),
});

export const outletRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string().nullable(),
  kind: outletKind,
  channel: outletChannel,
  name: z.string(),
  location: z.string(),
  operator: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closeNote: z.string().nullable(),
  /** Sales of the current China year and of all months (fen). */
  salesYearFen: z.number().int(),
  salesTotalFen: z.number().int(),
});
export type OutletRow = z.infer<typeof outletRow>;

export const OUTLET_SORTS = ['openedOn', 'orgCode', 'kind', 'salesYearFen'] as const;
export const outletListQuery = z.object({
  kind: outletKind.optional(),
  status: z.enum(['open', 'closed'], { message: 'open 或 closed / open or closed' }).optional(),
  orgCode: orgCode.optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(OUTLET_SORTS),
});
export const outletExportQuery = outletListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export const outletPage = z.object({ items: z.array(outletRow), ...pageMeta });

export const productInput = z.object({
  name: text('产品名称', 'product name'),
  category: productCategory,
  supplierKind,
  /** A registry household (supplierKind household). */
  householdId: z.number().int().positive().nullable().optional(),
  /** The cooperative's name and the unit it is entered under (supplierKind cooperative). */
  supplierName: z.string().trim().max(100).nullable().optional(),
  orgCode: orgCode.nullable().optional(),
});
export type ProductInput = z.infer<typeof productInput>;

export const productRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string().nullable(),
  name: z.string(),
  category: productCategory,
  supplierKind,
  householdId: z.number().int().nullable(),
  householdNo: z.string().nullable(),
  /** The cooperative's name, or the supplying household's head. */
  supplierName: z.string().nullable(),
  salesTotalFen: z.number().int(),
});
export type ProductRow = z.infer<typeof productRow>;

export const PRODUCT_SORTS = ['name', 'orgCode', 'salesTotalFen'] as const;
export const productListQuery = z.object({
  supplierKind: supplierKind.optional(),
  category: productCategory.optional(),
  orgCode: orgCode.optional(),
  householdId: id.optional(),
  q: z.string().trim().max(50).optional(),
  ...pagingFields(PRODUCT_SORTS),
});
export const productPage = z.object({ items: z.array(productRow), ...pageMeta });

export const saleInput = z.object({
  outletId: z.number().int().positive(),
  productId: z.number().int().positive(),
  period,
  amountFen: z
    .number({ message: '请填写销售额（分）/ amount in fen required' })
    .int({ message: '销售额以分为单位的整数 / amount is whole fen' })
    .nonnegative({ message: '销售额不能为负 / amount cannot be negative' })
    .max(10_000_000_000, { message: '销售额过大 / amount too large' }),
});

export const saleRow = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  outletId: z.number().int(),
  outletName: z.string(),
  outletKind: outletKind,
  productId: z.number().int(),
  productName: z.string(),
  supplierKind,
  supplierName: z.string().nullable(),
  period: z.string(),
  amountFen: z.number().int(),
});

export const SALE_SORTS = ['period', 'amountFen'] as const;
export const saleListQuery = z.object({
  year: z.coerce.number().int().min(2016).max(2100).optional(),
  period: period.optional(),
  outletId: id.optional(),
  productId: id.optional(),
  orgCode: orgCode.optional(),
  ...pagingFields(SALE_SORTS),
});
export const salePage = z.object({ items: z.array(saleRow), ...pageMeta, totalFen: z.number().int() });

export const outletProgressRow = z.object({
  kind: outletKind,
  built: z.number().int(),
  target: z.number().int(),
  shortfall: z.number().int(),
  met: z.boolean(),
});

export const consumerSummary = z.object({
  /** The China day the outlets were counted on. */
  asOf: z.string(),
  /** The targets' wording (沁发〔2021〕17号 §二(三)1 二是), from the parameter table. */
  targetSource: z.string(),
  progress: z.array(outletProgressRow),
  year: z.number().int(),
  salesYearFen: z.number().int(),
  salesByMonth: z.array(z.object({ period: z.string(), amountFen: z.number().int() })),
  suppliers: z.object({ households: z.number().int(), cooperatives: z.number().int() }),
});
export const summaryQuery = z.object({ year: z.coerce.number().int().min(2016).max(2100).optional() });

export const idParams = z.object({ id });
