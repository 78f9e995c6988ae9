import { PassThrough } from 'node:stream';
import type { AssessmentResponse, CockpitResponse } from '#common/contracts/indicators.ts';
import { STATUS_LABELS } from '#common/domain/indicators/targets.ts';
import { todayInChina } from '#server/lib/clock.ts';
import { writeLedger, type Cell, type LedgerMeta, type SheetContent } from '#server/lib/xlsx-ledger.ts';

// The cockpit and the assessment as workbooks, through the shared ledger writer (title row, frozen and
// filtered header, fitted widths). Small tables: built in memory and sent as one buffer.

const fmt = (v: number | null, d: number): Cell => (v === null ? null : Number(v.toFixed(d)));

async function* rowsOf(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const r of rows) yield r;
}

async function toBuffer(sheets: SheetContent[], meta: LedgerMeta): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeLedger(out, sheets, meta);
  if (!out.writableEnded) out.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Every chart of the cockpit as a table: attainment, township scorecard, monthly trends. */
export async function cockpitWorkbook(c: CockpitResponse, today = todayInChina()): Promise<Buffer> {
  const periods = c.indicators.find((i) => i.trend.length && i.period.length === 7)?.trend.map((p) => p.period) ?? [];
  return toBuffer(
    [
      {
        title: '指标达标',
        caption: `${c.period} 指标达标情况`,
        headers: [
          { header: '指标', width: 34 },
          '期间',
          { header: '值', kind: 'number' },
          '单位',
          { header: '分子', kind: 'number' },
          { header: '分母', kind: 'number' },
          '目标',
          '状态',
          { header: '文件依据', width: 40 },
        ],
        rows: rowsOf(
          c.indicators.map((i) => [
            i.nameZh,
            i.period,
            fmt(i.value, i.decimals),
            i.unitZh,
            i.numerator ?? null,
            i.denominator ?? null,
            i.target?.textZh ?? '未设目标',
            STATUS_LABELS[i.status].zh,
            i.target
              ? `${i.target.sourceDoc}：“${i.target.sourceText}”${i.target.note ? `（说明：${i.target.note}）` : ''}`
              : null,
          ]),
        ),
      },
      {
        title: '下级评分',
        caption: `${c.period} 下级单位评分`,
        headers: ['单位', { header: '得分', kind: 'number' }, ...c.indicators.map((i) => i.nameZh)],
        rows: rowsOf(
          c.children.map((ch) => [
            ch.name,
            ch.score ?? null,
            ...c.indicators.map((i) => {
              const x = ch.cells[i.code];
              return x ? `${x.value === null ? '—' : fmt(x.value, i.decimals)} ${STATUS_LABELS[x.status].zh}` : null;
            }),
          ]),
        ),
      },
      {
        title: '趋势',
        caption: '月度趋势',
        headers: [{ header: '指标', width: 34 }, ...periods.map((p) => ({ header: p, kind: 'number' as const }))],
        rows: rowsOf(
          c.indicators
            .filter((i) => i.period.length === 7)
            .map((i) => [i.nameZh, ...i.trend.map((p) => fmt(p.value, i.decimals))]),
        ),
      },
    ],
    { orgName: c.unit.name, date: today },
  );
}

export async function assessmentWorkbook(r: AssessmentResponse, today = todayInChina()): Promise<Buffer> {
  return toBuffer(
    [
      {
        title: `${r.year}年考核结果`,
        caption: `${r.year}年度乡镇巩固拓展脱贫攻坚成果考核评估结果`,
        headers: [
          { header: '名次', kind: 'integer' },
          { header: '乡镇', width: 24 },
          { header: '总分', kind: 'number' },
          '等次',
          ...r.items.map((i) => ({ header: `${i.labelZh}（${i.weight}分）`, kind: 'number' as const })),
        ],
        rows: rowsOf(
          r.rows.map((row) => [
            row.rank,
            row.name,
            row.total,
            row.grade,
            ...r.items.map((i) => row.points[i.key] ?? '无数据'),
          ]),
        ),
      },
      { title: '说明', headers: [{ header: '说明', width: 80 }], rows: rowsOf(r.notesZh.map((n) => [n])) },
    ],
    { orgName: '沁水县', date: today },
  );
}
