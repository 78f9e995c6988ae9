import { PRODUCT_CATEGORIES, zhOfCode } from '#common/domain/village-economy/codes.ts';
import type { Db } from '#server/db/connect.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { exportOutlets } from './consumer-assistance.ledger.ts';
import { closeOutlet, createOutlet, listOutlets, summary } from './consumer-assistance.outlets.ts';
import { createProduct, listProducts } from './consumer-assistance.products.ts';
import { listSales, recordSale } from './consumer-assistance.sales.ts';
import type { ConsumerDeps } from './consumer-assistance.shared.ts';

// 消费帮扶 (沁发〔2021〕17号 §二(三)1 二是: 线上线下专柜、专区、专馆“三专”平台, 到2025年 2个专馆、2个专区、20个专柜):
// outlets with location and operator, counted against the targets (parameters consumer.target*, with the plan's
// sentence); products and their suppliers (a 脱贫户 or monitored household of the registry, or a 合作社 by name);
// monthly sales per outlet and product (fen; a correction replaces the month, audited with before/after).
// One factory composing the use cases: outlets and the summary (consumer-assistance.outlets.ts), products
// (.products.ts), sales (.sales.ts), the ledger export (.ledger.ts), what they share (.shared.ts).

export function createConsumerAssistanceService(db: Db, clock: Clock = systemClock) {
  const d: ConsumerDeps = { db, clock };
  return {
    listOutlets: bindDeps(d, listOutlets),
    createOutlet: bindDeps(d, createOutlet),
    closeOutlet: bindDeps(d, closeOutlet),
    listProducts: bindDeps(d, listProducts),
    createProduct: bindDeps(d, createProduct),
    listSales: bindDeps(d, listSales),
    recordSale: bindDeps(d, recordSale),
    summary: bindDeps(d, summary),
    exportOutlets: bindDeps(d, exportOutlets),
  };
}

export type ConsumerAssistanceService = ReturnType<typeof createConsumerAssistanceService>;

/** The Chinese name of a product category (ledgers, demo). */
export const categoryZh = (code: string) => zhOfCode(PRODUCT_CATEGORIES, code);
