import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// Indicators (issue #8): atomic values per (element, org unit, period) at their entry level, a roll-up per
// ancestor kept in step on every write (no nightly job), targets as rows with their source sentence.

export const indicatorElements = pgTable('indicator_element', {
  code: varchar('code', { length: 64 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  valueType: text('value_type', { enum: ['number', 'integer', 'boolean', 'percent'] }).notNull(),
  aggregation: text('aggregation', { enum: ['SUM', 'AVERAGE', 'LAST'] }).notNull(),
  entryLevel: text('entry_level', { enum: ['county', 'township', 'village', 'group'] }).notNull(),
  /** Values computed from the system's own tables (registry, funds); never entered. */
  computed: text('computed'),
  unitZh: text('unit_zh').notNull().default(''),
});

export const indicatorDataSets = pgTable('indicator_data_set', {
  code: varchar('code', { length: 64 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  periodType: text('period_type', { enum: ['monthly', 'yearly'] }).notNull(),
  entryLevel: text('entry_level', { enum: ['county', 'township', 'village', 'group'] }).notNull(),
  elements: text('elements').array().notNull(),
  /** Days after the end of a period during which entry stays open; null = always open. */
  openDays: integer('open_days'),
});

export const indicatorDefs = pgTable('indicator_def', {
  code: varchar('code', { length: 64 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  mode: text('mode', { enum: ['ratio', 'shareMeeting', 'last'] }).notNull(),
  numerator: text('numerator').notNull(),
  denominator: text('denominator'),
  factor: doublePrecision('factor').notNull().default(1),
  unitZh: text('unit_zh').notNull().default(''),
  decimals: integer('decimals').notNull().default(1),
  periodType: text('period_type', { enum: ['monthly', 'yearly'] }).notNull(),
  unitLevel: text('unit_level'),
  threshold: jsonb('threshold').$type<{ op: '>=' | '<=' | '=' | '>' | 'between'; value: number } | null>(),
  descriptionZh: text('description_zh'),
  /** Version of the expression grammar the expressions were validated with. */
  grammar: integer('grammar').notNull().default(1),
  updatedBy: text('updated_by').notNull().default('系统'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const indicatorValidationRules = pgTable('indicator_validation_rule', {
  code: varchar('code', { length: 64 }).primaryKey(),
  dataSet: varchar('data_set', { length: 64 }).notNull(),
  nameZh: text('name_zh').notNull(),
  left: text('left_expr').notNull(),
  op: text('op').notNull(),
  right: text('right_expr').notNull(),
  importance: text('importance', { enum: ['high', 'medium', 'low'] }).notNull(),
});

export const indicatorTargets = pgTable(
  'indicator_target',
  {
    id: serial('id').primaryKey(),
    indicator: varchar('indicator', { length: 64 }).notNull(),
    scopeKind: text('scope_kind', { enum: ['unit', 'level', 'group'] }).notNull(),
    /** Org code, level name or group code. */
    scopeCode: varchar('scope_code', { length: 64 }).notNull(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    op: text('op', { enum: ['>=', '<=', '=', '>', 'between'] }).notNull(),
    value: doublePrecision('value'),
    upper: doublePrecision('upper'),
    band: doublePrecision('band').notNull().default(0),
    baselineYear: integer('baseline_year'),
    reference: text('reference'),
    /** 'linear': an end state reached by to_year, judged earlier on the path from the baseline (common/domain/indicators/path.ts). */
    path: text('path', { enum: ['constant', 'linear'] })
      .notNull()
      .default('constant'),
    pathFromYear: integer('path_from_year'),
    pathFromValue: doublePrecision('path_from_value'),
    sourceDoc: text('source_doc').notNull(),
    /** The document's sentence, verbatim; our reading goes in `note`. */
    sourceText: text('source_text').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_target_uq').on(t.indicator, t.scopeKind, t.scopeCode, t.fromYear),
    check('indicator_target_years', sql`${t.fromYear} <= ${t.toYear}`),
  ],
);

export const indicatorOrgGroups = pgTable(
  'indicator_org_group',
  {
    groupCode: varchar('group_code', { length: 64 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.orgCode] })],
);

export const indicatorValues = pgTable(
  'indicator_value',
  {
    element: varchar('element', { length: 64 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    /** 'YYYY-MM' (monthly data sets) or 'YYYY' (yearly). */
    period: varchar('period', { length: 7 }).notNull(),
    value: doublePrecision('value').notNull(),
    comment: text('comment'),
    storedBy: text('stored_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.element, t.period, t.orgCode] }),
    index('indicator_value_org_idx').using('btree', sql`${t.orgCode} text_pattern_ops`, t.period),
  ],
);

/** Every change of a value: who, when, old and new (the audit trail of a cell). */
export const indicatorValueAudit = pgTable(
  'indicator_value_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    element: varchar('element', { length: 64 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    period: varchar('period', { length: 7 }).notNull(),
    action: text('action', { enum: ['create', 'update', 'delete', 'import'] }).notNull(),
    oldValue: doublePrecision('old_value'),
    newValue: doublePrecision('new_value'),
    comment: text('comment'),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicator_value_audit_cell_idx').on(t.element, t.orgCode, t.period)],
);

/** Sum and count of the entry-level values below each ancestor (township, county), kept in the writing transaction. */
export const indicatorRollup = pgTable(
  'indicator_rollup',
  {
    ancestorCode: varchar('ancestor_code', { length: 15 }).notNull(),
    element: varchar('element', { length: 64 }).notNull(),
    period: varchar('period', { length: 7 }).notNull(),
    sum: doublePrecision('sum').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorCode, t.element, t.period] })],
);

/** Bottom-up approval of one data set for one unit and period: 村填报 → 乡镇审核 → 县审定. */
export const indicatorApprovals = pgTable(
  'indicator_approval',
  {
    dataSet: varchar('data_set', { length: 64 }).notNull(),
    orgCode: varchar('org_code', { length: 15 }).notNull(),
    period: varchar('period', { length: 7 }).notNull(),
    status: text('status', { enum: ['open', 'submitted', 'approvedTownship', 'approvedCounty'] }).notNull(),
    history: jsonb('history')
      .$type<{ action: string; status: string; by: string; at: string; note?: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dataSet, t.period, t.orgCode] })],
);

/** The yearly assessment (考核评估) scheme: weighted items over indicator attainment and workflow figures. */
export const indicatorAssessmentSchemes = pgTable('indicator_assessment_scheme', {
  year: integer('year').primaryKey(),
  items: jsonb('items')
    .$type<{ key: string; kind: 'indicator' | 'workflow'; ref: string; weight: number; labelZh: string }[]>()
    .notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
