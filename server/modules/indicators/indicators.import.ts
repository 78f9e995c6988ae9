import type { z } from 'zod';
import type { importRequest } from '#common/contracts/indicators.ts';
import type { DataSetDef } from '#common/domain/indicators/model.ts';
import { ORG_LEVEL_LABELS } from '#common/domain/roles.ts';
import type { Db } from '#server/db/connect.ts';
import { AppError } from '#server/lib/app-error.ts';
import type { RequestContext } from '#server/lib/context.ts';
import { requirePermission } from '#server/lib/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import { checkValue, writeCell, type FormOps } from './indicators.form.ts';
import { approvalOf, cellValue } from './indicators.repository.ts';
import { LOCKED, shareDefs, type ApprovalStatus, type Defs, type UseCaseDeps } from './indicators.shared.ts';
import { fieldError } from './indicators.text.ts';
import type { OrgTree } from './org-tree.ts';

// Import of values (a DHIS2-style dataValueSet as JSON or CSV) with a dry run: every row checked, nothing written
// unless every row can be.

interface RawRow {
  element: string;
  org: string;
  period: string;
  value: unknown;
  comment?: string;
}
type RowError = { row: number; messageZh: string; messageEn: string };
type OkRow = { element: string; org: string; period: string; value: number; comment?: string; ds: DataSetDef };

function parseJson(content: string): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    throw fieldError('content', 'JSON 格式错误', 'Invalid JSON');
  }
  const list = Array.isArray(data) ? data : (data as { dataValues?: unknown[] })?.dataValues;
  if (!Array.isArray(list))
    throw fieldError('content', '应为数组或 {"dataValues": [...]}', 'Expected an array or {"dataValues": [...]}');
  return list.map((r) => {
    const o = (r ?? {}) as Record<string, unknown>;
    return {
      element: String(o.dataElement ?? o.element ?? ''),
      org: String(o.orgUnit ?? o.org ?? ''),
      period: String(o.period ?? ''),
      value: o.value,
      comment: o.comment == null ? undefined : String(o.comment),
    };
  });
}

function parseCsv(content: string): RawRow[] {
  const lines = content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim());
  const idx = (names: string[]) => header.findIndex((h) => names.includes(h));
  const [ie, io, ip, iv, ic] = [
    idx(['dataElement', 'element', '数据元']),
    idx(['orgUnit', 'org', '机构代码']),
    idx(['period', '期间']),
    idx(['value', '值']),
    idx(['comment', '备注']),
  ];
  if (ie < 0 || io < 0 || ip < 0 || iv < 0)
    throw fieldError(
      'content',
      'CSV 表头须含 dataElement,orgUnit,period,value',
      'CSV header needs dataElement,orgUnit,period,value',
    );
  return lines.map((l) => {
    const c = l.split(',');
    return {
      element: c[ie]?.trim() ?? '',
      org: c[io]?.trim() ?? '',
      period: c[ip]?.trim() ?? '',
      value: c[iv]?.trim() === '' ? null : Number(c[iv]),
      comment: ic >= 0 ? c[ic]?.trim() : undefined,
    };
  });
}

export function parseImport(format: 'json' | 'csv', content: string): RawRow[] {
  return format === 'json' ? parseJson(content) : parseCsv(content);
}

export function createImportOps({ db, loadDefs, tree, countyOf }: UseCaseDeps, forms: FormOps) {
  /** One row checked against the catalogue, the actor's scope, the unit's life and level, and the entry window. */
  function checkRow(ctx: RequestContext, defs: Defs, t: OrgTree, r: RawRow): OkRow | [string, string] {
    const e = defs.elements.get(r.element);
    if (!e) return [`数据元 ${r.element} 不存在`, `Unknown data element ${r.element}`];
    if (e.computed) return [`${e.nameZh}由系统计算，不能导入`, `${e.code} is computed`];
    const ds = defs.dataSets.find((d) => d.elements.includes(e.code));
    if (!ds) return [`${e.nameZh}不属于任何数据集`, 'Element in no data set'];
    if (!/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(r.period) || (ds.periodType === 'yearly') !== (r.period.length === 4))
      return [`期间 ${r.period} 格式不符（${ds.periodType === 'yearly' ? 'YYYY' : 'YYYY-MM'}）`, 'Bad period'];
    const u = t.get(r.org);
    if (!u || (ctx.actor.scopePrefix !== '' && !r.org.startsWith(ctx.actor.scopePrefix)))
      return [`机构 ${r.org} 不存在或不在权限范围内`, `Unknown org unit ${r.org}`];
    if (!t.validIn(r.org, r.period)) return [`${u.name}在 ${r.period} 不存在`, 'Unit did not exist in that period'];
    if (u.level !== e.entryLevel)
      return [`${e.nameZh}由${ORG_LEVEL_LABELS[e.entryLevel].zh}填报`, `Entered at ${e.entryLevel} level`];
    const value = typeof r.value === 'string' ? Number(r.value) : r.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) return ['值须为数字', 'Value must be a number'];
    try {
      checkValue(e, value, 'value');
    } catch (x) {
      return [(x as AppError).fields?.[0]?.messageZh ?? '值不合法', 'Invalid value'];
    }
    if (!forms.entryWindow(ctx, ds, r.period).open) return [`${r.period} 不在填报期内`, 'Entry closed'];
    return { element: e.code, org: r.org, period: r.period, value, comment: r.comment, ds };
  }

  async function importValues(ctx: RequestContext, input: z.infer<typeof importRequest>) {
    requirePermission(ctx, 'indicators:enter');
    const rows = parseImport(input.format, input.content);
    if (rows.length > 50_000) throw fieldError('content', '一次最多导入 50000 条', 'At most 50 000 values per import');
    const defs = await loadDefs();
    const t = await tree(countyOf(ctx));
    const errors: RowError[] = [];
    const ok: OkRow[] = [];
    rows.forEach((r, k) => {
      const checked = checkRow(ctx, defs, t, r);
      if (Array.isArray(checked)) errors.push({ row: k + 1, messageZh: checked[0], messageEn: checked[1] });
      else ok.push(checked);
    });
    const summary = { dryRun: input.dryRun, total: rows.length, created: 0, updated: 0, unchanged: 0, errors };
    // Locked cells and current values.
    const run = async (tx: Db, write: boolean) => {
      for (const r of ok) {
        const ap = await approvalOf(tx, r.ds.code, r.org, r.period);
        if (ap && LOCKED.includes(ap.status as ApprovalStatus)) {
          const first = rows.findIndex((x) => x.element === r.element && x.org === r.org && x.period === r.period);
          errors.push({
            row: first + 1,
            messageZh: `${r.org} ${r.period} 已审核锁定`,
            messageEn: 'Locked by approval',
          });
          continue;
        }
        if (write) {
          summary[await writeCell(tx, ctx, t, shareDefs(defs), r, 'import')]++;
          continue;
        }
        const old = await cellValue(tx, r);
        summary[old === null ? 'created' : old === r.value ? 'unchanged' : 'updated']++;
      }
    };
    if (input.dryRun || errors.length) {
      await run(db, false);
      return { ...summary, dryRun: true };
    }
    await db.transaction(async (tx) => {
      await run(tx, true);
      if (errors.length)
        throw new AppError(
          'VALIDATION',
          {
            zh: `有 ${errors.length} 行不能导入，未写入任何数据`,
            en: 'Some rows cannot be imported; nothing was written',
          },
          errors.slice(0, 20).map((e) => ({ field: `row.${e.row}`, messageZh: e.messageZh, messageEn: e.messageEn })),
        );
      await recordAudit(tx, ctx, {
        action: 'import',
        entity: 'indicator_value',
        entityId: `${rows.length} rows`,
        after: { created: summary.created, updated: summary.updated, unchanged: summary.unchanged },
      });
    });
    return summary;
  }

  return { importValues };
}
