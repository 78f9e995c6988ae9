import { LABOUR_CAPABLE_SKILLS, type LabourSkill } from '../registry/codes.ts';
import { addMonths, daysBetween, firstDayOf, lastDayOf, type IsoDate, type Period } from '../period.ts';

// Employment and training rules (沁发〔2021〕17号 §二(三)2, §二(一)4). The plan names 就业率 and 持证率
// ("进一步提高培训后持证率和就业率", "人人持证") and "有劳动能力的搬迁家庭每户有一人稳定就业" but defines none
// of them; the numbers are parameters (definitions-employment.ts), the readings are here:
// - a person counts as employed in a month when his jobs cover at least `employment.minDaysInMonth` days of it
//   (overlapping jobs count a day once);
// - stable employment: employed in at least `employment.stableMonths` of the `employment.stableWindowMonths`
//   months ending with the month assessed;
// - a labourer is a person whose registry labour skill is 技能/普通/弱劳动力 (LABOUR_CAPABLE_SKILLS);
// - 就业率 = labourers employed in the month / labourers;
// - 持证率 = people holding a certificate / people trained (base `trained`) or / labourers (base `labour`);
// - 外出务工人数 = people employed in the month at a job outside the county (省内县外 or 省外).

export type PlaceKind = 'county' | 'province' | 'outOfProvince';
export const PLACE_KINDS: readonly PlaceKind[] = ['county', 'province', 'outOfProvince'];

export interface Spell {
  startOn: IsoDate;
  /** null: still working. */
  endOn: IsoDate | null;
  placeKind?: PlaceKind;
}

export interface EmploymentParams {
  minDaysInMonth: number;
  stableMonths: number;
  stableWindowMonths: number;
}

/** Days of the month covered by at least one spell (a day two jobs share counts once). */
export function daysWorkedInMonth(spells: readonly Spell[], period: Period): number {
  // Day numbers relative to the 1st of the month: 0 … last.
  const first = firstDayOf(period);
  const last = daysBetween(first, lastDayOf(period));
  const covered = new Set<number>();
  for (const s of spells) {
    const start = Math.max(0, daysBetween(first, s.startOn));
    const end = Math.min(last, s.endOn === null ? last : daysBetween(first, s.endOn));
    for (let d = start; d <= end; d++) covered.add(d);
  }
  return covered.size;
}

export function employedInMonth(spells: readonly Spell[], period: Period, minDays: number): boolean {
  return daysWorkedInMonth(spells, period) >= Math.max(1, minDays);
}

/** Months of the window ending with `period` (included) in which the person was employed. */
export function monthsEmployed(spells: readonly Spell[], period: Period, p: EmploymentParams): number {
  let n = 0;
  for (let i = 0; i < p.stableWindowMonths; i++)
    if (employedInMonth(spells, addMonths(period, -i), p.minDaysInMonth)) n++;
  return n;
}

export function stablyEmployed(spells: readonly Spell[], period: Period, p: EmploymentParams): boolean {
  return monthsEmployed(spells, period, p) >= p.stableMonths;
}

/** Employed in the month at a job outside the county. */
export function workingAway(spells: readonly Spell[], period: Period, minDays: number): boolean {
  return employedInMonth(
    spells.filter((s) => s.placeKind !== undefined && s.placeKind !== 'county'),
    period,
    minDays,
  );
}

export function isLabourer(skill: string | null | undefined): boolean {
  return LABOUR_CAPABLE_SKILLS.includes(skill as LabourSkill);
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** null when nobody is in the denominator (no data, not 0 %). */
  rate: number | null;
}

export const rateOf = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

export interface PersonFacts {
  labourSkill: string | null;
  spells: readonly Spell[];
  trained: boolean;
  certified: boolean;
}

export type CertificateRateBase = 'trained' | 'labour';

export interface EmploymentFigures {
  labourers: number;
  employed: number;
  employmentRate: Rate;
  certificateRate: Rate;
  workingAway: number;
}

/** The programme's figures for a set of people in a month. */
export function employmentFigures(
  people: readonly PersonFacts[],
  period: Period,
  p: Pick<EmploymentParams, 'minDaysInMonth'> & { certificateRateBase: CertificateRateBase },
): EmploymentFigures {
  const labour = people.filter((x) => isLabourer(x.labourSkill));
  const employed = labour.filter((x) => employedInMonth(x.spells, period, p.minDaysInMonth)).length;
  const base = p.certificateRateBase === 'trained' ? people.filter((x) => x.trained) : labour;
  return {
    labourers: labour.length,
    employed,
    employmentRate: rateOf(employed, labour.length),
    certificateRate: rateOf(base.filter((x) => x.certified).length, base.length),
    workingAway: people.filter((x) => workingAway(x.spells, period, p.minDaysInMonth)).length,
  };
}

/**
 * 务工就业不稳 from the ledger (feeds the monitoring rule UNEMPLOYMENT): the day the person's last job of the data
 * window [from, to] ended, when a job ended inside it and no job covers its last day (`to`); null otherwise. A job
 * ending on `to` itself still covers it (the end date is the last day worked).
 */
export function jobLossOn(spells: readonly Spell[], window: { from: IsoDate; to: IsoDate }): IsoDate | null {
  const working = spells.some((s) => s.startOn <= window.to && (s.endOn === null || s.endOn >= window.to));
  if (working) return null;
  const ends = spells.map((s) => s.endOn).filter((e): e is IsoDate => e !== null && e >= window.from && e <= window.to);
  return ends.length ? ends.sort().at(-1)! : null;
}
