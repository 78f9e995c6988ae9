import { warningCategory } from '#common/domain/monitoring/categories.ts';
import { SIGNAL_SOURCE_LABELS } from './labels.ts';

/** A signal's `source` in words: 农户在线申请, 走访记录 #12, 信访:编号, or a monitoring rule's name. */
export function signalSourceText(source: string, language: string): string {
  const en = language === 'en';
  const known = SIGNAL_SOURCE_LABELS[source];
  if (known) return en ? known.en : known.zh;
  const visit = /^visit:(\d+)$/.exec(source);
  if (visit) return en ? `Visit record #${visit[1]}` : `走访记录 #${visit[1]}`;
  const rule = warningCategory(source);
  if (rule) return en ? `Monitoring rule: ${rule.nameEn}` : `监测规则：${rule.nameZh}`;
  return source;
}
