import { QINSHUI_COUNTY_CODE } from '../org/index.ts';
import { definitionOf } from '#common/domain/params/definitions.ts';
import { AppError } from '#server/lib/app-error.ts';
import { systemContext } from '#server/lib/context.ts';
import type { ParamsService } from './params.service.ts';

// `guardline params list` and `guardline params set KEY VALUE [--year YYYY] [--from DATE] [--county CODE]`.
// Money is typed in yuan and ratios as 0.6 or 60%: people type what the documents say.

export function parseParamValue(key: string, raw: string): number | string {
  const def = definitionOf(key);
  if (!def)
    throw AppError.validation([{ field: 'key', messageZh: `未知参数 ${key}`, messageEn: `Unknown parameter ${key}` }]);
  if (def.unit === 'choice') return raw;
  const percent = raw.endsWith('%');
  const n = Number(percent ? raw.slice(0, -1) : raw);
  if (!Number.isFinite(n))
    throw AppError.validation([
      { field: 'value', messageZh: `"${raw}" 不是数字`, messageEn: `"${raw}" is not a number` },
    ]);
  if (def.unit === 'fen') return Math.round(n * 100);
  if (def.unit === 'ratio') return percent ? n / 100 : n;
  return n;
}

export function formatParamValue(unit: string, value: unknown): string {
  if (unit === 'fen' && typeof value === 'number') return `${(value / 100).toFixed(2)} 元`;
  if (unit === 'ratio' && typeof value === 'number') return `${+(value * 100).toFixed(2)}%`;
  return String(value);
}

export async function runParamsCommand(
  params: ParamsService,
  sub: string | undefined,
  positionals: string[],
  opts: { year?: string; from?: string; county?: string; json?: boolean },
  out: (line: string) => void,
): Promise<void> {
  const ctx = systemContext('cli');
  if (sub === 'list') {
    const list = await params.list(ctx);
    if (opts.json) return out(JSON.stringify(list, null, 2));
    for (const p of list) {
      out(`${p.key}  ${p.labelZh}`);
      for (const v of p.versions)
        out(
          `    ${v.scopeCode} ${v.year ?? '每年'} 自${v.effectiveFrom}起  ${formatParamValue(p.unit, v.value)}  (${v.source})`,
        );
    }
    return;
  }
  if (sub === 'set') {
    const [key, raw] = positionals;
    if (!key || raw === undefined)
      throw AppError.validation([
        { field: 'value', messageZh: '用法：params set KEY VALUE', messageEn: 'usage: params set KEY VALUE' },
      ]);
    const year = opts.year ? Number(opts.year) : null;
    await params.set(ctx, {
      key,
      value: parseParamValue(key, raw),
      year,
      effectiveFrom: opts.from ?? (year ? `${year}-01-01` : new Date().toISOString().slice(0, 10)),
      countyCode: opts.county ?? QINSHUI_COUNTY_CODE,
    });
    return out(`已设置 / set ${key} = ${raw}${year ? ` (${year})` : ''}`);
  }
  throw AppError.validation([
    {
      field: 'command',
      messageZh: '用法：params list | params set KEY VALUE',
      messageEn: 'usage: params list | params set KEY VALUE',
    },
  ]);
}
