import type { CodeEntry } from '../registry/codes.ts';

// 防贫保险 "1+N" code lists (沁发〔2021〕17号 §二(三)5 一是: 因病因灾因意外事故等刚性支出较大或收入大幅缩减).

export const CLAIM_CAUSES = [
  { code: 'illness', zh: '因病', aliases: ['疾病', '因病住院'] },
  { code: 'disaster', zh: '因灾', aliases: ['自然灾害'] },
  { code: 'accident', zh: '因意外事故', aliases: ['意外', '意外事故', '因意外'] },
  { code: 'schooling', zh: '因学', aliases: ['就学'] },
  { code: 'incomeDrop', zh: '收入大幅缩减', aliases: ['收入骤减', '因产业失败'] },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];
export type ClaimCause = (typeof CLAIM_CAUSES)[number]['code'];
export const CLAIM_CAUSE_CODES = CLAIM_CAUSES.map((t) => t.code) as [ClaimCause, ...ClaimCause[]];

/** reported (the table's `filed`) → paid or refused; both ends are final. */
export const CLAIM_STATUSES = [
  { code: 'filed', zh: '已报案', aliases: ['报案', '待赔付', '审核中'] },
  { code: 'paid', zh: '已赔付', aliases: ['赔付', '已结案'] },
  { code: 'refused', zh: '拒赔', aliases: ['不予赔付', '已拒赔'] },
] as const satisfies readonly CodeEntry[];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]['code'];
export const CLAIM_STATUS_CODES = CLAIM_STATUSES.map((t) => t.code) as [ClaimStatus, ...ClaimStatus[]];

/** Which households the county insures (parameter insurance.coverageScope). */
export const COVERAGE_SCOPES = ['alleviatedAndMonitored', 'monitored'] as const;
export type CoverageScope = (typeof COVERAGE_SCOPES)[number];
