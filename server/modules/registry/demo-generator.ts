// A deterministic synthetic county for demos and benchmarks: the same options give the
// same households, streamed one at a time so a million households never sit in memory.
// Every household passes validateHousehold and is built to raise no quality finding;
// incomes sit around the monitoring line so the monitoring rules have work to do.

import { computeCheckDigit } from '#common/domain/id-card.ts';
import { levelOfCode } from '#common/domain/org-code.ts';
import { addMonths, daysInMonth, monthsBetween, toPeriod, type Period } from '#common/domain/period.ts';
import { FULL_LABOUR_SKILLS, LABOUR_CAPABLE_SKILLS, type RiskType } from '#common/domain/registry/codes.ts';
import type { Household, HouseholdIncome, Member } from '#common/domain/registry/household.ts';
import { MONITORING_MECHANISM_START, deriveWholeHouseholdNoLabour } from '#common/domain/registry/validation.ts';
import {
  composeFamily,
  drawHouseholdSize,
  drawName,
  drawPersonFacts,
  drawPhone,
  drawSurname,
  makeRng,
  sharesHeadSurname,
  type PersonDraft,
  type Rng,
} from './demo-people.ts';

export { mulberry32 } from './demo-people.ts';

export interface DemoCountyOptions {
  seed: number;
  households: number;
  /** 12-digit village codes of one county; their first 6 digits become the ID area code. */
  villageCodes: readonly string[];
  /** Per-capita monitoring line in fen for `year`. */
  incomeLineFen: number;
  /** Income year; ages are completed years on 31 December of it. */
  year: number;
}

export interface DemoHousehold {
  household: Household;
  members: Member[];
}

/** Rough shares of a county like Qinshui (policy-rules §7 gives no real figures). */
export const DEMO_SHARES = Object.freeze({ alleviated: 0.25, monitored: 0.03, eliminatedOfMonitored: 0.4 });

/** One PRNG per household, seeded from (seed, index): changing one household's draws never shifts the others. */
function householdSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Hands out the 3-digit sequence of GB 11643 IDs. A formula of the person's index
 * alone cannot guarantee uniqueness once birth dates are random (two people with the
 * same sequence may share a birthday), so the sequence is the next free slot for that
 * birth date and sex: deterministic for a seed and unique by construction. Odd
 * sequences are men, even ones women: 500 slots per date and sex; a full date moves
 * the birth one day on within the same year, so the age is unchanged.
 */
class IdAllocator {
  private readonly used = new Map<string, number>();
  constructor(private readonly areaCode: string) {}

  allocate(year: number, dayOfYear: number, male: boolean): string {
    const days = daysInMonth(year, 2) === 29 ? 366 : 365;
    for (let shift = 0; shift < days; shift++) {
      const date = dateOfDay(year, (dayOfYear + shift) % days);
      const key = `${date}${male ? 'm' : 'f'}`;
      const slot = this.used.get(key) ?? 0;
      if (slot >= 500) continue;
      this.used.set(key, slot + 1);
      const first17 = `${this.areaCode}${date}${String(slot * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
      return first17 + computeCheckDigit(first17);
    }
    throw new RangeError(`no ID sequence left for births in ${year}`);
  }
}

function dateOfDay(year: number, dayOfYear: number): string {
  let month = 1;
  let day = dayOfYear;
  while (day >= daysInMonth(year, month)) day -= daysInMonth(year, month++);
  return `${year}${String(month).padStart(2, '0')}${String(day + 1).padStart(2, '0')}`;
}

function checkOptions(o: DemoCountyOptions): string {
  if (o.villageCodes.length === 0) throw new RangeError('demo county needs at least one village code');
  const county = o.villageCodes[0].slice(0, 6);
  for (const code of o.villageCodes) {
    if (!/^\d{12}$/.test(code) || levelOfCode(code) !== 'village' || !code.startsWith(county)) {
      throw new RangeError(`"${code}" is not a village code of county ${county}`);
    }
  }
  // Household numbers are the village code plus a 4-digit sequence.
  if (o.households > o.villageCodes.length * 9999) throw new RangeError('too many households for 4-digit sequences');
  if (!Number.isSafeInteger(o.incomeLineFen) || o.incomeLineFen <= 0)
    throw new RangeError('incomeLineFen must be positive fen');
  // Monitoring began in 2020 (identification months start at MONITORING_MECHANISM_START).
  if (!Number.isInteger(o.year) || o.year < 2020) throw new RangeError('year must be 2020 or later');
  return county;
}

const laterOf = (a: Period, b: Period): Period => (a > b ? a : b);
const earlierOf = (a: Period, b: Period): Period => (a < b ? a : b);

type Status = Pick<
  Household,
  'kind' | 'alleviatedAttribute' | 'monitoringType' | 'identificationPeriod' | 'elimination'
>;

function drawStatus(rng: Rng, drafts: PersonDraft[], year: number): Status {
  const kind = rng.chance(DEMO_SHARES.alleviated) ? 'alleviated' : 'ordinary';
  const head = drafts[0];
  const alleviatedAttribute =
    kind === 'ordinary'
      ? null
      : drafts.length === 1 && head.age >= 60 && rng.chance(0.3)
        ? 'destituteSupport'
        : rng.chance(0.2)
          ? 'minimumLiving'
          : 'general';
  if (!rng.chance(DEMO_SHARES.monitored)) {
    return { kind, alleviatedAttribute, monitoringType: null, identificationPeriod: null, elimination: null };
  }
  const sudden = rng.chance(0.3);
  const monitoringType = sudden ? 'suddenHardship' : kind === 'alleviated' ? 'unstable' : 'edge';
  const last = toPeriod(year, 12);
  const first = laterOf(MONITORING_MECHANISM_START, toPeriod(year - 3, 1));
  const identified = addMonths(first, rng.int(0, monthsBetween(first, last)));
  // Elimination only after at least 6 months (2_11_002) and never after the income year.
  const earliestElimination = addMonths(identified, 6);
  const eliminated = earliestElimination <= last && rng.chance(DEMO_SHARES.eliminatedOfMonitored);
  const elimination = eliminated
    ? {
        period: earlierOf(addMonths(earliestElimination, rng.int(0, 12)), last),
        mode: rng.chance(0.85) ? ('assistedElimination' as const) : ('naturalElimination' as const),
      }
    : null;
  return { kind, alleviatedAttribute, monitoringType, identificationPeriod: identified, elimination };
}

/** Per-capita income relative to the line, by status: within it for unstable/edge, above it otherwise. */
function drawPerCapita(rng: Rng, status: Status, line: number): number {
  const ratio =
    status.elimination !== null
      ? 1.15 + rng.next() * 0.75
      : status.monitoringType === 'suddenHardship'
        ? 1.05 + rng.next() * 0.55
        : status.monitoringType !== null
          ? 0.55 + rng.next() * 0.43
          : // A few households outside monitoring fall under the line: work for the monthly run.
            rng.chance(0.02)
            ? 0.75 + rng.next() * 0.25
            : 1.2 - Math.log(1 - rng.next() * 0.999) * 1.1;
  return Math.round(line * Math.min(ratio, 9));
}

function drawRisks(rng: Rng, members: Member[], status: Status): RiskType[] {
  if (status.monitoringType === null) return [];
  const ill = members.some((m) => m.health.includes('chronicIllness') || m.health.includes('seriousIllness'));
  const fullLabour = members.filter((m) => FULL_LABOUR_SKILLS.includes(m.labourSkill)).length;
  const candidates: RiskType[] = [];
  if (ill || status.monitoringType === 'suddenHardship') candidates.push('illness');
  if (members.some((m) => m.health.includes('disabled'))) candidates.push('disability');
  if (fullLabour <= members.length / 4) candidates.push('lackOfLabour');
  const working = members.some((m) => LABOUR_CAPABLE_SKILLS.includes(m.labourSkill) && (m.workMonths ?? 0) > 0);
  if (working) candidates.push('unstableEmployment');
  if (status.monitoringType === 'suddenHardship' && rng.chance(0.3))
    candidates.push(rng.pick(['accident', 'naturalDisaster'] as const));
  if (candidates.length === 0) candidates.push(rng.pick(['failedBusiness', 'other'] as const));
  return candidates.slice(0, rng.int(1, Math.min(3, candidates.length)));
}

/**
 * Income parts that add up exactly to `perCapita × size`, so the per-capita figure is
 * the one drawn. Transfers and property come first; wages (if anyone works) and net
 * business income share the rest, which stays ≥ 35% of the net, so with any realistic
 * line a wage is never the implausible 1–99 yuan of rule 5_15_023.
 */
function drawIncome(rng: Rng, members: Member[], perCapita: number, risks: RiskType[], year: number): HouseholdIncome {
  const net = perCapita * members.length;
  const yuan = (fen: number) => Math.round(fen / 100) * 100;
  const welfare = members.some((m) => m.minimumLiving || m.destituteSupport);
  const transferIncome = Math.max(10_000, yuan(net * (welfare ? 0.3 + rng.next() * 0.3 : 0.05 + rng.next() * 0.2)));
  const propertyIncome = yuan(net * rng.next() * 0.05);
  const rest = Math.max(0, net - transferIncome - propertyIncome);
  const earns = members.some((m) => (m.workMonths ?? 0) > 0 || m.publicWelfarePost);
  const wageIncome = earns ? Math.min(rest, Math.max(10_000, yuan(rest * (0.5 + rng.next() * 0.5)))) : 0;
  const businessNet = rest - wageIncome;
  const businessCost = yuan(businessNet * (0.1 + rng.next() * 0.3));
  const ill = risks.includes('illness');
  const eligibleOutOfPocket = ill ? yuan(net * (0.3 + rng.next() * 0.9)) : 0;
  return {
    year,
    wageIncome,
    businessIncome: businessNet + businessCost,
    propertyIncome,
    transferIncome,
    businessCost,
    insurancePayout: yuan(eligibleOutOfPocket * rng.next() * 0.4),
    eligibleOutOfPocket,
  };
}

function buildHousehold(index: number, options: DemoCountyOptions, ids: IdAllocator): DemoHousehold {
  const rng = makeRng(householdSeed(options.seed, index));
  const village = options.villageCodes[index % options.villageCodes.length];
  const householdNo = `${village}${String(Math.floor(index / options.villageCodes.length) + 1).padStart(4, '0')}`;
  const drafts = composeFamily(rng, drawHouseholdSize(rng));
  const status = drawStatus(rng, drafts, options.year);
  const surname = drawSurname(rng);
  const supported = status.kind === 'alleviated' || status.monitoringType !== null;
  const members: Member[] = drafts.map((draft) => {
    const birthYear = options.year - draft.age;
    const days = daysInMonth(birthYear, 2) === 29 ? 366 : 365;
    const facts = drawPersonFacts(rng, draft.age, supported);
    return {
      name: drawName(rng, sharesHeadSurname(draft.relationship) ? surname : drawSurname(rng), draft.sex),
      idNumber: ids.allocate(birthYear, rng.int(0, days - 1), draft.sex === 'male'),
      relationship: draft.relationship,
      ...facts,
      minimumLiving: status.alleviatedAttribute === 'minimumLiving',
      destituteSupport: status.alleviatedAttribute === 'destituteSupport',
      phone: draft.age >= 18 && rng.chance(0.6) ? drawPhone(rng) : null,
    };
  });
  const head = members[0];
  const riskTypes = drawRisks(rng, members, status);
  const perCapita = drawPerCapita(rng, status, options.incomeLineFen);
  const housingGrade = rng.weighted([
    ['A', 60],
    ['B', 35],
    ['C', 4],
    ['D', 1],
  ] as const);
  const waterSafe = rng.chance(0.97);
  const household: Household = {
    householdNo,
    villageCode: village,
    headName: head.name,
    headIdNumber: head.idNumber,
    ...status,
    riskTypes,
    wholeHouseholdNoLabour: deriveWholeHouseholdNoLabour(members),
    phone: head.phone ?? drawPhone(rng),
    address: `第${rng.int(1, 12)}组${rng.int(1, 80)}号`,
    housingGrade,
    waterSafe,
    basicNeeds: {
      schoolDropout: false,
      housingUnsafe: housingGrade === 'C' || housingGrade === 'D',
      waterUnsafe: !waterSafe,
      medicalUninsured: false,
    },
    income: drawIncome(rng, members, perCapita, riskTypes, options.year),
  };
  return { household, members };
}

/** Streams `options.households` households; iterate lazily, e.g. in batches for COPY. */
export function* generateDemoCounty(options: DemoCountyOptions): Generator<DemoHousehold, void, undefined> {
  const ids = new IdAllocator(checkOptions(options));
  for (let index = 0; index < options.households; index++) yield buildHousehold(index, options, ids);
}
