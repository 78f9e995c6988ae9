import { formatFen } from '#common/domain/money.ts';
import { formatRatio } from './paramFormat.ts';

// One line per warning for the list: the figure found against the line it crossed.

const yuan = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? `${formatFen(v)} 元` : '—');
const count = (v: unknown) => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : 0);

/** §1.1: rigid spending this year above last year's net income. */
function rigid(e: Record<string, unknown>): string[] {
  const r = e.rigidSpending as Record<string, unknown> | undefined;
  return r?.exceedsIncome === true
    ? [
        `本年医疗教育刚性支出 ${yuan(r.totalFen)}，超过${String(r.incomeYear ?? '')}年家庭纯收入 ${yuan(r.netIncomeFen)}`,
      ]
    : [];
}

export function evidenceHeadline(ruleCode: string, e: Record<string, unknown>): string {
  switch (ruleCode) {
    case 'INCOME_BELOW_LINE':
      return `${e.incomeYear ?? ''}年人均 ${yuan(e.perCapitaFen)}，不高于标准 ${yuan(e.lineFen)}`;
    case 'INCOME_DROP':
      return `人均 ${yuan(e.previousPerCapitaFen)} → ${yuan(e.perCapitaFen)}，降 ${typeof e.dropRatio === 'number' ? formatRatio(e.dropRatio) : '—'}（预警线 ${typeof e.dropRatioThreshold === 'number' ? formatRatio(e.dropRatioThreshold) : '—'}）`;
    case 'MEDICAL_BURDEN': {
      const parts = [`个人住院自付本年累计 ${yuan(e.inpatientFen)}（预警线 ${yuan(e.inpatientThresholdFen)}）`];
      if (typeof e.outpatientMonthFen === 'number' && e.outpatientMonthFen > 0) {
        parts.push(`本月门诊自付 ${yuan(e.outpatientMonthFen)}（预警线 ${yuan(e.outpatientMonthlyThresholdFen)}）`);
      }
      return [...parts, ...rigid(e)].join('；');
    }
    case 'EDUCATION_BURDEN':
      return [`学生本学年教育自付 ${yuan(e.costFen)}（预警线 ${yuan(e.thresholdFen)}）`, ...rigid(e)].join('；');
    case 'DISASTER':
      return `受灾损失 ${yuan(e.lossFen)}（预警线 ${yuan(e.thresholdFen)}）`;
    case 'DROPOUT':
      return `辍学记录 ${count(e.dropoutRecords)} 条${e.registryFlag ? '，台账已标记' : ''}`;
    case 'HOUSING_UNSAFE':
      return e.decidedBy === 'appraisal'
        ? `住建鉴定 ${String(e.appraisalGrade ?? '')} 级（${String(e.appraisalOn ?? '')}）`
        : `台账住房等级 ${String(e.registryGrade ?? '—')}`;
    case 'WATER_UNSAFE':
      return `饮水不安全记录 ${count(e.unsafeWaterRecords)} 条${e.registryWaterSafe === false ? '，台账标记不安全' : ''}`;
    case 'NO_MEDICAL_INSURANCE':
      return `未参保 ${Math.max(count(e.registryUninsuredPersonIds), count(e.reportedUninsuredPersonIds))} 人`;
    case 'NEW_DISABILITY':
      return `新增重度残疾 ${count(e.newSevereDisabilities)} 人`;
    case 'LABOURER_DEATH':
      return `劳动力去世 ${count(e.deceasedLabourers)} 人`;
    case 'UNEMPLOYMENT':
      return `失业登记 ${count(e.unemployedPersonIds)} 人；就业台账离岗未再就业 ${count(e.jobLossPersonIds)} 人；最长断缴 ${e.maxGapMonths ?? 0} 个月（预警 ${e.gapThresholdMonths ?? '—'} 个月）`;
    case 'EXCLUSION_FLAG':
      return `核查提示 ${count(e.records)} 条，需书面说明`;
    default:
      return '';
  }
}
