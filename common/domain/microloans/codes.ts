import type { CodeEntry } from '../registry/codes.ts';

// 脱贫人口小额信贷 code lists (沁发〔2021〕17号 §三(六); policy-rules §4.3: 户借、户用、户还, for production and
// business only — not for weddings, house building, wealth management, household goods, 入股分红 or 转贷, so those
// purposes are not in the list and a loan for them is refused).

export const LOAN_PURPOSES = [
  { code: 'planting', zh: '种植业', aliases: ['种植'] },
  { code: 'breeding', zh: '养殖业', aliases: ['养殖'] },
  { code: 'processing', zh: '农产品加工', aliases: ['加工业', '加工'] },
  { code: 'trade', zh: '商贸流通', aliases: ['商贸', '经商'] },
  { code: 'tourism', zh: '乡村旅游', aliases: ['农家乐'] },
  { code: 'transport', zh: '运输服务', aliases: ['运输'] },
  { code: 'otherProduction', zh: '其他生产经营', aliases: ['其他'] },
] as const satisfies readonly CodeEntry[];
export type LoanPurpose = (typeof LOAN_PURPOSES)[number]['code'];
export const LOAN_PURPOSE_CODES = LOAN_PURPOSES.map((t) => t.code) as [LoanPurpose, ...LoanPurpose[]];

export const LOAN_STATUSES = [
  { code: 'active', zh: '在贷' },
  { code: 'repaid', zh: '已结清' },
  { code: 'renewed', zh: '已续贷' },
] as const satisfies readonly CodeEntry[];

/** 展期 keeps the owed principal on a new term; 续贷 closes the loan and lends again to the same household. */
export const RENEWAL_KINDS = [
  { code: 'extension', zh: '展期' },
  { code: 'reloan', zh: '续贷' },
] as const satisfies readonly CodeEntry[];

export const EVENT_KINDS = [
  { code: 'repayment', zh: '还款' },
  { code: 'subsidy', zh: '贴息' },
] as const satisfies readonly CodeEntry[];
