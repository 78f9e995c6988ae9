import ExcelJS from 'exceljs';
import type { AssessmentResponse, CockpitResponse } from '../../../common/contracts/indicators.ts';
import { STATUS_LABELS } from '../../../common/domain/indicators/targets.ts';

const fmt = (v: number | null, d: number) => (v === null ? '' : Number(v.toFixed(d)));

/** Every chart of the cockpit as a table: attainment, township scorecard, monthly trends. */
export async function cockpitWorkbook(c: CockpitResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('指标达标');
  a.addRow([`${c.unit.name} ${c.period} 指标达标情况`]);
  a.addRow(['指标', '期间', '值', '单位', '分子', '分母', '目标', '状态', '文件依据']);
  for (const i of c.indicators)
    a.addRow([
      i.nameZh,
      i.period,
      fmt(i.value, i.decimals),
      i.unitZh,
      i.numerator ?? '',
      i.denominator ?? '',
      i.target?.textZh ?? '未设目标',
      STATUS_LABELS[i.status].zh,
      i.target
        ? `${i.target.sourceDoc}：“${i.target.sourceText}”${i.target.note ? `（说明：${i.target.note}）` : ''}`
        : '',
    ]);
  const s = wb.addWorksheet('下级评分');
  s.addRow(['单位', '得分', ...c.indicators.map((i) => i.nameZh)]);
  for (const ch of c.children)
    s.addRow([
      ch.name,
      ch.score ?? '',
      ...c.indicators.map((i) => {
        const x = ch.cells[i.code];
        return x ? `${x.value === null ? '—' : fmt(x.value, i.decimals)} ${STATUS_LABELS[x.status].zh}` : '';
      }),
    ]);
  const t = wb.addWorksheet('趋势');
  const periods = c.indicators.find((i) => i.trend.length && i.period.length === 7)?.trend.map((p) => p.period) ?? [];
  t.addRow(['指标', ...periods]);
  for (const i of c.indicators)
    if (i.period.length === 7) t.addRow([i.nameZh, ...i.trend.map((p) => fmt(p.value, i.decimals))]);
  for (const ws of [a, s, t])
    ws.columns.forEach((col, k) => {
      col.width = k === 0 ? 34 : 14;
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function assessmentWorkbook(r: AssessmentResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${r.year}年考核结果`);
  ws.addRow([`${r.year}年度乡镇巩固拓展脱贫攻坚成果考核评估结果`]);
  ws.addRow(['名次', '乡镇', '总分', '等次', ...r.items.map((i) => `${i.labelZh}（${i.weight}分）`)]);
  for (const row of r.rows)
    ws.addRow([row.rank, row.name, row.total, row.grade, ...r.items.map((i) => row.points[i.key] ?? '无数据')]);
  ws.addRow([]);
  for (const n of r.notesZh) ws.addRow([n]);
  ws.columns.forEach((col, k) => {
    col.width = k === 1 ? 24 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
