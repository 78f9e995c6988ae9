import type { Writable } from 'node:stream';
import type { FeedAttributeCode } from '#common/domain/feeds/attributes.ts';
import { FEED_ATTRIBUTES } from '#common/domain/feeds/attributes.ts';
import { FEED_BASE_COLUMNS, REQUIRED_FIELDS } from '#common/domain/feeds/columns.ts';
import { FEED_SOURCES } from '#common/domain/feeds/sources.ts';
import { writeLedger, type Cell, type SheetContent } from '#server/lib/xlsx-ledger.ts';
import { COLUMNS_OF, SHEET_TITLES, type LedgerColumn } from './ledger-columns.ts';

// Blank import files to fill in: the household workbook (formats.md §1) and one department data file per
// source (§2), each with the contract's headers in row 1 (frozen, filtered, typed as the ledgers are),
// one example row and a 填写说明 sheet naming the required columns. The import passes over the notes
// sheet (it is neither 户信息 nor 家庭成员) and reads the example row like any other: delete it first.

/** 11010519491231002X: the example number of GB 11643 itself (valid check digit, nobody's ID). */
const EXAMPLE_ID = '11010519491231002X';
const EXAMPLE_HOUSEHOLD_NO = '140521100201001';

const HOUSEHOLD_EXAMPLE: Record<string, Cell> = {
  行政区划代码: '140521100201',
  户编号: EXAMPLE_HOUSEHOLD_NO,
  户主姓名: '张示例',
  户主证件号码: EXAMPLE_ID,
  户类型: '一般农户',
  联系电话: '13900000000',
  家庭住址: '第一村民小组 1 号',
  危房等级: 'A',
  饮水是否安全: '是',
  收入年度: 2025,
  工资性收入: 30000,
  生产经营性收入: 8000,
  财产性收入: 0,
  转移性收入: 2000,
  生产经营性支出: 2500,
  理赔收入: 0,
  合规自付支出: 0,
};

const MEMBER_EXAMPLE: Record<string, Cell> = {
  户编号: EXAMPLE_HOUSEHOLD_NO,
  姓名: '张示例',
  证件号码: EXAMPLE_ID,
  与户主关系: '户主',
  民族: '汉族',
  政治面貌: '群众',
  文化程度: '初中',
  健康状况: '健康',
  劳动技能: '普通劳动力',
  '务工时间(月)': 8,
  务工所在地: '晋城市',
  是否参加城乡居民基本医疗保险: '是',
  是否参加城镇职工基本医疗保险: '否',
  是否享受低保: '否',
  是否特困供养人员: '否',
};

async function* rowsOf(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const r of rows) yield r;
}

const requiredText = (c: LedgerColumn) =>
  c.required === 'cell' ? '必填' : c.required === 'column' ? '必须有此列（与相关列二选一填写）' : '选填';

/** The household import template: 户信息 and 家庭成员 with every column of the format, and the notes. */
export function householdTemplate(out: Writable): Promise<void> {
  const sheets: SheetContent[] = (['households', 'members'] as const).map((sheet) => {
    const example = sheet === 'households' ? HOUSEHOLD_EXAMPLE : MEMBER_EXAMPLE;
    const headers = COLUMNS_OF[sheet].map((c) => c.header);
    return { title: SHEET_TITLES[sheet], headers, rows: rowsOf([headers.map((h) => example[h] ?? null)]) };
  });
  const notes: Cell[][] = (['households', 'members'] as const).flatMap((sheet) =>
    COLUMNS_OF[sheet].map((c): Cell[] => [
      SHEET_TITLES[sheet],
      c.header,
      requiredText(c),
      (c.aliases ?? []).join('、'),
    ]),
  );
  sheets.push({
    title: '填写说明',
    headers: ['工作表', '列名', '是否必填', '也认可的列名'],
    rows: rowsOf([
      ...notes,
      ['说明', '第2行为示例，导入前请删除', '', ''],
      ['说明', '证件号码、户编号、行政区划代码请按文本填写，金额单位为元（最多两位小数）', '', ''],
    ]),
  });
  return writeLedger(out, sheets, null);
}

/** Example values of the optional columns (formats.md §2). */
const ATTRIBUTE_EXAMPLES: Record<FeedAttributeCode, string> = {
  schoolStage: '初中',
  houseGrade: 'C',
  disabilityCategory: '肢体残疾',
  disabilityGrade: '二级',
  gapMonths: '3',
  disasterType: '洪涝',
  vehicleType: '小型轿车',
  companyName: '示例商贸有限公司',
  employer: '示例单位',
};

export function feedTemplateHeaders(sourceZh: string): string[] {
  const source = FEED_SOURCES.find((s) => s.zh === sourceZh);
  if (!source) throw new Error(`unknown feed source ${sourceZh}`);
  const attributes = source.attributes.map((code) => FEED_ATTRIBUTES.find((a) => a.code === code)!.zh);
  return [...FEED_BASE_COLUMNS.map((c) => c.zh), ...attributes];
}

/** One department's data file: the common columns, its own optional columns, an example row. */
export function feedTemplate(out: Writable, sourceZh: string): Promise<void> {
  const source = FEED_SOURCES.find((s) => s.zh === sourceZh)!;
  const item = source.items.find((i) => i.needsAmount) ?? source.items[0];
  const base: Record<string, Cell> = {
    证件号码: EXAMPLE_ID,
    姓名: '张示例',
    数据来源: source.zh,
    事项: item.zh,
    发生日期: '2026-01-15',
    '金额(元)': item.needsAmount ? 5000 : null,
    说明: '示例行，导入前请删除',
  };
  const headers = feedTemplateHeaders(sourceZh);
  const example = headers.map((h, i) =>
    i < FEED_BASE_COLUMNS.length
      ? (base[h] ?? null)
      : ATTRIBUTE_EXAMPLES[source.attributes[i - FEED_BASE_COLUMNS.length]],
  );
  const required = new Set(REQUIRED_FIELDS.map((f) => FEED_BASE_COLUMNS.find((c) => c.field === f)!.zh));
  return writeLedger(
    out,
    [
      { title: `${source.zh}数据`, headers, rows: rowsOf([example]) },
      {
        title: '填写说明',
        headers: ['列名', '是否必填', '可填写的值'],
        rows: rowsOf(
          headers.map((h): Cell[] => [
            h,
            required.has(h) ? '必填' : '选填',
            h === '事项' ? source.items.map((i) => i.zh).join('、') : h === '发生日期' ? 'YYYY-MM-DD' : null,
          ]),
        ),
      },
    ],
    null,
  );
}
