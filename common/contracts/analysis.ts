import { z } from 'zod';
import { pageMeta, pagingFields } from './paging.ts';

// Analyses (issue 19): policy what-if scenarios and the Alkire–Foster deprivation view.

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM / month must be YYYY-MM' });
const orgCode = z.string().regex(/^\d{12}$/, { message: '区划代码应为 12 位数字 / org code must be 12 digits' });

export const createScenarioRequest = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: '请填写方案名称 / name is required' })
    .max(60, { message: '方案名称至多 60 字 / name at most 60 characters' }),
  period,
  /** Parameter key → proposed value (money in fen, ratios as fractions). */
  params: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type CreateScenarioRequest = z.infer<typeof createScenarioRequest>;

export const scenarioIdParams = z.object({ id: z.coerce.number().int().positive() });
export const scenarioHouseholdParams = z.object({
  id: z.coerce.number().int().positive(),
  householdId: z.coerce.number().int().positive(),
});

export const SCENARIO_STATUSES = ['running', 'succeeded', 'failed'] as const;

export const scenarioRow = z.object({
  id: z.number(),
  name: z.string(),
  author: z.string(),
  orgCode: z.string(),
  period: z.string(),
  params: z.record(z.string(), z.unknown()),
  status: z.enum(SCENARIO_STATUSES),
  jobId: z.number().nullable(),
  durationMs: z.number().nullable(),
  createdAt: z.string(),
  error: z.unknown().nullable(),
});
export type ScenarioRow = z.infer<typeof scenarioRow>;

export const scenarioListQuery = z.object({ ...pagingFields(['id', 'period', 'name'] as const) });
export const scenarioPage = z.object({ items: z.array(scenarioRow), ...pageMeta });

/** Counts of one group under both settings. */
export const changeCounts = z.object({
  base: z.number(),
  proposed: z.number(),
  entering: z.number(),
  leaving: z.number(),
});
export type ChangeCounts = z.infer<typeof changeCounts>;

export const groupCounts = changeCounts.extend({ code: z.string(), name: z.string() });
export type GroupCounts = z.infer<typeof groupCounts>;

export const scenarioDetail = scenarioRow.extend({
  /** The values in force for the month that the scenario replaces. */
  baseline: z.record(z.string(), z.unknown()),
  /** Households evaluated in the reader's scope. */
  evaluated: z.number(),
  totals: changeCounts,
  byTownship: z.array(groupCounts),
  byVillage: z.array(groupCounts),
  byKind: z.array(groupCounts),
  byCategory: z.array(groupCounts),
  workload: z.object({
    /** Households that enter: each needs a 入户核实 visit. */
    toVisit: z.number(),
    /** Households that leave: their clues would not be opened by this month's run. */
    noLongerFlagged: z.number(),
    reliefFund: z.object({ computed: z.boolean(), noteZh: z.string(), noteEn: z.string() }),
  }),
  /** Rules re-run under the proposal (the others read none of the changed parameters). */
  affectedRules: z.array(z.string()),
});
export type ScenarioDetail = z.infer<typeof scenarioDetail>;

export const CHANGE_KINDS = ['entering', 'leaving'] as const;
export const changeListQuery = z.object({
  change: z.enum(CHANGE_KINDS).optional(),
  orgCode: orgCode.optional(),
  kind: z.enum(['alleviated', 'ordinary']).optional(),
  category: z.string().max(40).optional(),
  ...pagingFields(['householdNo', 'villageCode', 'change'] as const),
});
export type ChangeListQuery = z.infer<typeof changeListQuery>;

export const changeRow = z.object({
  householdId: z.number(),
  householdNo: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  kind: z.enum(['alleviated', 'ordinary']),
  change: z.enum(CHANGE_KINDS),
  baseRules: z.array(z.string()),
  proposedRules: z.array(z.string()),
});
export type ChangeRow = z.infer<typeof changeRow>;
export const changePage = z.object({ items: z.array(changeRow), ...pageMeta });

const explainSide = z.object({
  fired: z.array(z.object({ ruleCode: z.string(), nameZh: z.string(), evidence: z.record(z.string(), z.unknown()) })),
});
export const scenarioHouseholdExplain = z.object({
  householdId: z.number(),
  householdNo: z.string(),
  period: z.string(),
  base: explainSide,
  proposed: explainSide,
});
export type ScenarioHouseholdExplain = z.infer<typeof scenarioHouseholdExplain>;

export const compareQuery = z.object({ a: z.coerce.number().int().positive(), b: z.coerce.number().int().positive() });
export const scenarioCompare = z.object({
  a: scenarioDetail,
  b: scenarioDetail,
  /** Same month: households flagged under a's proposal only, and under b's only. */
  onlyA: z.number().nullable(),
  onlyB: z.number().nullable(),
});
export type ScenarioCompare = z.infer<typeof scenarioCompare>;

export const createScenarioResponse = z.object({ id: z.number(), jobId: z.number() });

// ---- Alkire–Foster view ----

export const AF_DIMENSIONS = ['income', 'foodClothing', 'education', 'medical', 'housing', 'water'] as const;
export type AfDimension = (typeof AF_DIMENSIONS)[number];

export const afQuery = z.object({
  period: period.optional(),
  /** How many months back from `period` the series covers (1 = just the month). */
  months: z.coerce.number().int().min(1).max(24).default(6),
  orgCode: orgCode.optional(),
});

const afMeasures = z.object({
  n: z.number(),
  q: z.number(),
  H: z.number(),
  A: z.number(),
  M0: z.number(),
  censoredHeadcount: z.array(z.number()),
  contribution: z.array(z.number()),
});
export const afGroup = afMeasures.extend({ code: z.string(), name: z.string() });

export const afResponse = z.object({
  period: z.string(),
  dimensions: z.array(z.object({ code: z.enum(AF_DIMENSIONS), weight: z.number() })),
  k: z.number(),
  /** Where the weights and k come from (parameter sources). */
  sources: z.record(z.string(), z.string()),
  total: afMeasures,
  byTownship: z.array(afGroup),
  byVillage: z.array(afGroup),
  series: z.array(z.object({ period: z.string(), H: z.number(), A: z.number(), M0: z.number() })),
  /** Households deprived in a weighted share ≥ k that are not monitoring targets (all, not paged: a discovery list). */
  unmonitoredPoor: z.number(),
});
export type AfResponse = z.infer<typeof afResponse>;

export const afHouseholdQuery = z.object({
  period: period.optional(),
  orgCode: orgCode.optional(),
  ...pagingFields(['householdNo', 'score'] as const),
});
export const afHouseholdRow = z.object({
  householdId: z.number(),
  householdNo: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  kind: z.enum(['alleviated', 'ordinary']),
  monitoringStatus: z.string(),
  score: z.number(),
  deprived: z.array(z.enum(AF_DIMENSIONS)),
  openClue: z.boolean(),
});
export const afHouseholdPage = z.object({ items: z.array(afHouseholdRow), ...pageMeta });

export const afClueRequest = z.object({ householdId: z.number().int().positive(), period: period.optional() });
export const afClueResponse = z.object({ clueIds: z.array(z.number()) });
