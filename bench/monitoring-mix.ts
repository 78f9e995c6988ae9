// The two synthetic counties the monitoring benchmarks generate (issue 17 point 3).
//
// `realistic` (default): shares a county like Qinshui would show. Each share says where it comes from; where no
// published figure was found it says "assumption" and is chosen to be of the right order, never tuned to the rules.
// `stress`: the adversarial mix of the first benchmarks (about two thirds of households raise a warning), kept to
// measure the write path under load (`npm run bench -- monitoring --mix stress`).

export type MixName = 'realistic' | 'stress';

export interface HouseholdMix {
  /** Share of households that are 脱贫户 (alleviated). */
  alleviated: number;
  /** Share of alleviated households identified 脱贫不稳定户. */
  unstableOfAlleviated: number;
  /** Share of ordinary households identified 边缘易致贫户. */
  edgeOfOrdinary: number;
  /** Share of all households identified 突发严重困难户. */
  sudden: number;
  /** Share of monitored households whose risk was eliminated. */
  eliminatedOfMonitored: number;
  /** Shares of housing grades C and D (unsafe) and of households without safe water. */
  housingC: number;
  housingD: number;
  waterUnsafe: number;
  from: string;
}

/** A department item pushed per person: expected records per person-year, and where the rate comes from. */
export interface ItemRate {
  source: string;
  item: string;
  perPersonYear: number;
  from: string;
}

export interface Mix {
  name: MixName;
  households: HouseholdMix;
  /** Income per capita of households outside monitoring: line × exp(N(ln median, sigma)). */
  income: { medianTimesLine: number; sigma: number; from: string };
  /** Records of the ~13-month window: `perPersonYear` × persons × 400/365 for each item. */
  items: ItemRate[];
}

const BAOSHAN = 'policy-rules §7: Baoshan (Yunnan) 2021';

// Baoshan: monitored = 13.99 % of 脱贫 persons = 2.63 % of the agricultural population, so 脱贫 ≈ 2.63 / 13.99 ≈ 18.8 %
// of it; the three kinds in about equal thirds (18,684 / 17,551 / 18,616 persons); 49.69 % eliminated. Shares of
// persons are used as shares of households.
const MONITORED = 0.0263;
const ALLEVIATED = 0.188;

export const REALISTIC: Mix = {
  name: 'realistic',
  households: {
    alleviated: ALLEVIATED,
    unstableOfAlleviated: MONITORED / 3 / ALLEVIATED,
    edgeOfOrdinary: MONITORED / 3 / (1 - ALLEVIATED),
    sudden: MONITORED / 3,
    eliminatedOfMonitored: 0.4969,
    housingC: 0.004,
    housingD: 0.001,
    waterUnsafe: 0.005,
    from: `${BAOSHAN} (kinds, monitored, eliminated); assumption (housing, water: 危房 and unsafe water rare after 2020)`,
  },
  income: {
    medianTimesLine: 3,
    sigma: 0.5,
    from: 'assumption: median about 3× the line, log-normal, about 1.4 % of households outside monitoring under the line',
  },
  items: [
    {
      source: 'medical',
      item: 'inpatientOutOfPocket',
      perPersonYear: 0.2,
      from: 'assumption: about one in five rural residents in hospital a year; out-of-pocket Pareto (from 800 yuan, α 1.8)',
    },
    {
      source: 'medical',
      item: 'outpatientOutOfPocket',
      perPersonYear: 2,
      from: 'assumption: reimbursed outpatient claims; Pareto (from 30 yuan, α 1.5)',
    },
    {
      source: 'medical',
      item: 'uninsured',
      perPersonYear: 0.005,
      from: 'policy-rules §7: enrolment ≥ 99 % of 脱贫 and low-income people',
    },
    { source: 'education', item: 'dropout', perPersonYear: 0.0005, from: 'assumption: 控辍保学 cases are rare' },
    {
      source: 'education',
      item: 'nonCompulsoryCost',
      perPersonYear: 0.03,
      from: 'assumption: about 3 % of people in high school or college',
    },
    { source: 'housing', item: 'houseAppraisal', perPersonYear: 0.003, from: 'assumption' },
    {
      source: 'civil',
      item: 'death',
      perPersonYear: 0.008,
      from: 'assumption: about the national crude death rate (≈ 8 ‰)',
    },
    { source: 'civil', item: 'minimumLiving', perPersonYear: 0.005, from: 'assumption: new 低保 grants in the window' },
    { source: 'civil', item: 'temporaryRelief', perPersonYear: 0.005, from: 'assumption' },
    { source: 'disability', item: 'newDisability', perPersonYear: 0.002, from: 'assumption' },
    { source: 'hr', item: 'unemployment', perPersonYear: 0.005, from: 'assumption' },
    { source: 'hr', item: 'contributionGap', perPersonYear: 0.005, from: 'assumption' },
    { source: 'emergency', item: 'disaster', perPersonYear: 0.002, from: 'assumption' },
    { source: 'police', item: 'vehicle', perPersonYear: 0.002, from: 'assumption' },
    { source: 'market', item: 'company', perPersonYear: 0.001, from: 'assumption' },
    { source: 'finance', item: 'publicPayroll', perPersonYear: 0.0005, from: 'assumption' },
    { source: 'water', item: 'unsafeWater', perPersonYear: 0.001, from: 'assumption' },
  ],
};

/** About 5 records per household (3.5 persons) with the first benchmark's item shares. */
const STRESS_SHARES: [string, string, number][] = [
  ['medical', 'inpatientOutOfPocket', 0.36],
  ['medical', 'outpatientOutOfPocket', 0.3],
  ['medical', 'uninsured', 0.01],
  ['education', 'dropout', 0.004],
  ['education', 'nonCompulsoryCost', 0.05],
  ['housing', 'houseAppraisal', 0.02],
  ['civil', 'death', 0.01],
  ['civil', 'minimumLiving', 0.03],
  ['civil', 'temporaryRelief', 0.03],
  ['disability', 'newDisability', 0.01],
  ['hr', 'unemployment', 0.02],
  ['hr', 'contributionGap', 0.01],
  ['emergency', 'disaster', 0.006],
  ['police', 'vehicle', 0.01],
  ['market', 'company', 0.004],
  ['finance', 'publicPayroll', 0.002],
  ['water', 'unsafeWater', 0.01],
];
const STRESS_RECORDS_PER_PERSON_YEAR = (5 / 3.5) * (365 / 400);

export const STRESS: Mix = {
  name: 'stress',
  households: {
    alleviated: 0.15,
    unstableOfAlleviated: 0.03,
    edgeOfOrdinary: 0.03,
    sudden: 0,
    eliminatedOfMonitored: 0,
    housingC: 0.01,
    housingD: 0.005,
    waterUnsafe: 0.01,
    from: 'stress mix (bench/monitoring-data.ts insertStressHouseholds)',
  },
  income: { medianTimesLine: 2.5, sigma: 0, from: 'stress: uniform 5,000–25,000 yuan' },
  items: STRESS_SHARES.map(([source, item, share]) => ({
    source,
    item,
    perPersonYear: share * STRESS_RECORDS_PER_PERSON_YEAR,
    from: 'stress mix',
  })),
};

export const MIXES: Record<MixName, Mix> = { realistic: REALISTIC, stress: STRESS };

export function mixNamed(name: string | undefined): Mix {
  const mix = MIXES[(name ?? 'realistic') as MixName];
  if (!mix) throw new RangeError(`--mix must be one of ${Object.keys(MIXES).join(', ')}`);
  return mix;
}

/** Records of the 400-day window for `persons` people. */
export function windowRecords(mix: Mix, persons: number): number {
  const perPerson = mix.items.reduce((sum, item) => sum + item.perPersonYear, 0);
  return Math.round(perPerson * persons * (400 / 365));
}
