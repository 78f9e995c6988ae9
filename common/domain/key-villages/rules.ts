// 重点帮扶村 and 示范村 (沁发〔2021〕17号 §二(二)2): "综合考虑行政村脱贫人口规模、集体经济收入和发展现状、区位条件、公共服务、
// 基础设施、资源禀赋等因素，确定一批乡村振兴重点帮扶村和示范村". The plan names the factors, not their weights or scales:
// the weights are parameters (keyVillages.weight.*, not found: documented defaults), the scales are ours.
//
// One scoring sheet per village and year. Every factor becomes a 0–100 帮扶需要 (need) score, higher = more in need:
//  - 脱贫人口规模 (registry: people of 脱贫户 in the village): min–max over the county's villages, more people → more need;
//  - 集体经济收入 (collective-economy: the year's current total): min–max, less income → more need;
//  - 区位条件, 公共服务, 基础设施, 资源禀赋: scored by the county by hand, 0–100, higher = better conditions; need = 100 − score.
// The sheet's score is the weighted mean of the factors present (a missing factor is named, its weight left out); the
// ranking is by score, highest first: the top are candidates for 重点帮扶村, the bottom (best conditions) for 示范村.
// The ranking advises; the county's decision (文号, date) names the villages.

export const FACTORS = [
  { code: 'alleviatedPopulation', zh: '脱贫人口规模', en: 'Alleviated population', source: 'computed' },
  { code: 'collectiveIncome', zh: '集体经济收入和发展现状', en: 'Collective income', source: 'computed' },
  { code: 'location', zh: '区位条件', en: 'Location', source: 'hand' },
  { code: 'publicService', zh: '公共服务', en: 'Public services', source: 'hand' },
  { code: 'infrastructure', zh: '基础设施', en: 'Infrastructure', source: 'hand' },
  { code: 'resources', zh: '资源禀赋', en: 'Resource endowment', source: 'hand' },
] as const;
export type Factor = (typeof FACTORS)[number]['code'];
export const HAND_FACTORS = ['location', 'publicService', 'infrastructure', 'resources'] as const;
export type HandFactor = (typeof HAND_FACTORS)[number];

/** The parameter key of each factor's weight. */
export const weightKey = (f: Factor) => `keyVillages.weight.${f}`;

/** 重点帮扶村 / 示范村: what a decision names a village as. */
export const DECISION_KINDS = [
  { code: 'key', zh: '重点帮扶村', en: 'Key assisted village' },
  { code: 'demo', zh: '示范村', en: 'Demonstration village' },
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number]['code'];

/** The indicator org group a decision's villages become (indicator_org_group; common/domain/indicators/model.ts). */
export const GROUP_OF_KIND: Record<DecisionKind, string> = { key: 'KEY_VILLAGE', demo: 'DEMO_VILLAGE' };

/** The raw facts of one village for a year; null where the system has none or the county has not scored. */
export type VillageFacts = { orgCode: string } & Record<Factor, number | null>;

/** Half-up to two decimals (scores are shown with one; two keep ties honest). */
const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

/**
 * Min–max normalisation of one factor over the villages that have it, to 0–100. `higherIsNeedier`: more of the fact
 * means more need (脱贫人口); otherwise less (collective income). All equal (or one village): 50 for everyone, the
 * factor then separates nobody. Missing stays null.
 */
export function normalise(values: readonly (number | null)[], higherIsNeedier: boolean): (number | null)[] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return values.map(() => null);
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values.map((v) => {
    if (v === null) return null;
    if (max === min) return 50;
    const up = ((v - min) / (max - min)) * 100;
    return round2(higherIsNeedier ? up : 100 - up);
  });
}

/** A hand score (0–100, higher = better conditions) as need. */
export const handNeed = (score: number | null) => (score === null ? null : round2(100 - score));

export interface ScoredVillage {
  orgCode: string;
  /** Each factor's need score 0–100, null when missing. */
  needs: Record<Factor, number | null>;
  /** Weighted mean of the present factors, 0–100; null when none is present. */
  score: number | null;
  missing: Factor[];
  /** 1 = most in need; null without a score. Ties share the order of their org code (no shared ranks). */
  rank: number | null;
}

/** Hand-score errors by field (0–100 whole numbers or absent). */
export function handScoreErrors(input: Partial<Record<HandFactor, number | null>>) {
  const errors: { field: string; messageZh: string; messageEn: string }[] = [];
  for (const f of HAND_FACTORS) {
    const v = input[f];
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v) || v < 0 || v > 100)
      errors.push({ field: f, messageZh: '评分应在0到100之间', messageEn: 'score must be between 0 and 100' });
  }
  return errors;
}

/** Scores and ranks the county's villages of a year (every village of the county: normalisation is county-wide). */
export function scoreVillages(facts: readonly VillageFacts[], weights: Record<Factor, number>): ScoredVillage[] {
  const population = normalise(
    facts.map((f) => f.alleviatedPopulation),
    true,
  );
  const income = normalise(
    facts.map((f) => f.collectiveIncome),
    false,
  );
  const scored = facts.map((f, i) => {
    const needs: Record<Factor, number | null> = {
      alleviatedPopulation: population[i],
      collectiveIncome: income[i],
      location: handNeed(f.location),
      publicService: handNeed(f.publicService),
      infrastructure: handNeed(f.infrastructure),
      resources: handNeed(f.resources),
    };
    let sum = 0;
    let weight = 0;
    const missing: Factor[] = [];
    for (const { code } of FACTORS) {
      const n = needs[code];
      const w = weights[code] ?? 0;
      if (n === null) missing.push(code);
      else if (w > 0) {
        sum += w * n;
        weight += w;
      }
    }
    return { orgCode: f.orgCode, needs, score: weight > 0 ? round2(sum / weight) : null, missing, rank: null };
  });
  const ranked = scored
    .filter((s) => s.score !== null)
    .sort((a, b) => b.score! - a.score! || (a.orgCode < b.orgCode ? -1 : 1));
  const rankOf = new Map(ranked.map((s, i) => [s.orgCode, i + 1]));
  return scored.map((s) => ({ ...s, rank: rankOf.get(s.orgCode) ?? null }));
}

/** A decision's own errors: at least one 重点帮扶村, no village both, no duplicates, not decided in the future. */
export function decisionErrors(
  d: { keyVillages: string[]; demoVillages: string[]; decidedOn: string; year: number },
  today: string,
) {
  const errors: { field: string; messageZh: string; messageEn: string }[] = [];
  if (d.keyVillages.length === 0)
    errors.push({
      field: 'keyVillages',
      messageZh: '请至少选择一个重点帮扶村',
      messageEn: 'choose at least one key village',
    });
  if (new Set(d.keyVillages).size !== d.keyVillages.length)
    errors.push({ field: 'keyVillages', messageZh: '重点帮扶村有重复', messageEn: 'a key village is listed twice' });
  if (new Set(d.demoVillages).size !== d.demoVillages.length)
    errors.push({
      field: 'demoVillages',
      messageZh: '示范村有重复',
      messageEn: 'a demonstration village is listed twice',
    });
  const both = d.demoVillages.filter((v) => d.keyVillages.includes(v));
  if (both.length > 0)
    errors.push({
      field: 'demoVillages',
      messageZh: '同一村不能既是重点帮扶村又是示范村',
      messageEn: 'a village cannot be both a key and a demonstration village',
    });
  if (d.decidedOn > today)
    errors.push({
      field: 'decidedOn',
      messageZh: '认定日期不能晚于今天',
      messageEn: 'the decision date cannot be in the future',
    });
  if (d.year > Number(today.slice(0, 4)) + 1)
    errors.push({ field: 'year', messageZh: '年度至多为明年', messageEn: 'the year can be next year at the latest' });
  return errors;
}

/**
 * Which of a county's decisions is in force: the latest year, then the latest date, then the latest recorded.
 * The groups the indicators and resident teams read follow this one.
 */
export function decisionInForce<T extends { id: number; year: number; decidedOn: string }>(
  all: readonly T[],
): T | undefined {
  return [...all].sort(
    (a, b) => b.year - a.year || (a.decidedOn < b.decidedOn ? 1 : a.decidedOn > b.decidedOn ? -1 : b.id - a.id),
  )[0];
}
