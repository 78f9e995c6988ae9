import { countyCodeOf } from '#common/domain/org-code.ts';
import { cellText, parseCell, type CellContext } from './ledger-cells.ts';
import { COLUMNS_OF, SHEET_TITLES, columnOfHeader, type LedgerColumn, type SheetKey } from './ledger-columns.ts';
import type { StagedProblem } from './staging.ts';

// A sheet's header row decides which cell is which column; every later row becomes one staged row
// plus its problems. Row-level checks live here; checks across rows run later in SQL.

export interface MapperContext extends CellContext {
  /** The actor's scope: households of villages outside it are refused. */
  scopePrefix: string;
}

export interface MappedRow {
  /** Null when the row cannot be staged at all (no household number, or a member without an ID). */
  staged: Record<string, unknown> | null;
  problems: StagedProblem[];
}

const MONEY_KEYS = new Set(COLUMNS_OF.households.filter((c) => c.kind.type === 'money').map((c) => c.key));

export class SheetMapper {
  readonly sheet: SheetKey;
  readonly unknownColumns: string[] = [];
  /** Keys of the format's columns this file has; the others keep their registry values. */
  readonly presentKeys = new Set<string>();
  readonly headerProblems: StagedProblem[] = [];
  /** False when a required column is missing: its rows cannot be read. */
  readonly usable: boolean;
  private readonly byIndex: (LedgerColumn | string | null)[];

  constructor(
    sheet: SheetKey,
    headerCells: readonly unknown[],
    private readonly ctx: MapperContext,
    /** The header's spreadsheet row (below a title row it is not 1). */
    headerRow = 1,
  ) {
    this.sheet = sheet;
    this.byIndex = headerCells.map((raw, index) => {
      const header = cellText(raw).trim();
      if (header === '') return null;
      const column = columnOfHeader(sheet, header);
      if (!column) {
        this.unknownColumns.push(header);
        return header;
      }
      if (this.presentKeys.has(column.key)) {
        this.headerProblems.push(
          this.problem(
            headerRow,
            column,
            header,
            `第${index + 1}列与前面的列重复`,
            `Column ${index + 1} repeats an earlier column`,
            null,
          ),
        );
        return null;
      }
      this.presentKeys.add(column.key);
      return column;
    });
    const missing = COLUMNS_OF[sheet].filter((c) => c.required && !this.presentKeys.has(c.key));
    for (const column of missing) {
      this.headerProblems.push(
        this.problem(
          headerRow,
          column,
          '',
          `缺少必填列"${column.header}"`,
          `Required column "${column.header}" is missing`,
          null,
        ),
      );
    }
    this.usable = missing.length === 0;
  }

  /** Unknown columns are kept as extra attributes; with none in the file, `extra` is left as it is. */
  get hasExtra(): boolean {
    return this.unknownColumns.length > 0;
  }

  map(row: number, cells: readonly unknown[]): MappedRow | null {
    if (cells.every((c) => cellText(c).trim() === '')) return null;
    const staged: Record<string, unknown> = { row };
    const problems: StagedProblem[] = [];
    const extra: Record<string, string> = {};
    let moneyFilled = false;
    this.byIndex.forEach((column, index) => {
      if (column === null) return;
      const raw = cells[index];
      if (typeof column === 'string') {
        const text = cellText(raw).trim();
        if (text !== '') extra[column] = text;
        return;
      }
      const parsed = parseCell(column, raw, this.ctx);
      Object.assign(staged, parsed.fields);
      if (MONEY_KEYS.has(column.key) && cellText(raw).trim() !== '') moneyFilled = true;
      if (parsed.problem)
        problems.push(
          this.problem(row, column, parsed.problem.value, parsed.problem.reason, parsed.problem.reasonEn, null),
        );
    });
    if (this.hasExtra) staged.extra = Object.keys(extra).length > 0 ? extra : null;
    const householdNo = typeof staged.household_no === 'string' ? staged.household_no : null;
    if (this.sheet === 'households') this.checkHousehold(row, staged, problems, moneyFilled);
    for (const p of problems) p.household_no = householdNo;
    const stageable = householdNo !== null && (this.sheet === 'households' || typeof staged.id_hash === 'string');
    return { staged: stageable ? staged : null, problems };
  }

  private checkHousehold(
    row: number,
    staged: Record<string, unknown>,
    problems: StagedProblem[],
    moneyFilled: boolean,
  ): void {
    const village = staged.village_code;
    if (typeof village === 'string') {
      staged.county_code = countyCodeOf(village);
      if (this.ctx.scopePrefix !== '' && !village.startsWith(this.ctx.scopePrefix)) {
        problems.push(
          this.problem(
            row,
            this.column('village_code'),
            village,
            '该村不在您的管辖范围内',
            'The village is outside your scope',
            null,
          ),
        );
      }
    }
    if (moneyFilled && staged.income_year === null) {
      problems.push(
        this.problem(
          row,
          this.column('income_year'),
          '',
          '填写了收支金额，但未填写收入年度',
          'Amounts are given without an income year',
          null,
        ),
      );
    }
  }

  private column(key: string): LedgerColumn {
    return COLUMNS_OF[this.sheet].find((c) => c.key === key)!;
  }

  private problem(
    row: number,
    column: LedgerColumn,
    value: string,
    reason: string,
    reasonEn: string,
    householdNo: string | null,
  ): StagedProblem {
    return {
      sheet: this.sheet,
      row,
      col: column.header,
      col_index: COLUMNS_OF[this.sheet].indexOf(column),
      value,
      reason,
      reason_en: reasonEn,
      household_no: householdNo,
    };
  }
}

/** A problem with a whole sheet (missing, or unreadable), reported at row 0. */
export function sheetProblem(sheet: SheetKey, reason: string, reasonEn: string): StagedProblem {
  return {
    sheet,
    row: 0,
    col: '',
    col_index: -1,
    value: SHEET_TITLES[sheet],
    reason,
    reason_en: reasonEn,
    household_no: null,
  };
}
