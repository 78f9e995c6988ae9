// People for the synthetic demo county: a seeded random source, family shapes with
// ages that fit the relationships, and person facts (schooling, health, labour, work)
// drawn so that the result passes validation and raises no data-quality warning.
// Made-up people only; the shares are plausible guesses, not statistics.

import { relationshipEntry, type Relationship } from '#common/domain/registry/codes.ts';
import type { Member } from '#common/domain/registry/household.ts';
import type { Sex } from '#common/domain/id-card.ts';

export interface Rng {
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
}

/** mulberry32: tiny, fast, and good enough for test data; the same seed gives the same stream. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (pairs) => {
      let roll = next() * pairs.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, weight] of pairs) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return pairs[pairs.length - 1][0];
    },
  };
  return rng;
}

export interface PersonDraft {
  relationship: Relationship;
  age: number;
  sex: Sex;
}

const SIZE_WEIGHTS = [
  [1, 10],
  [2, 24],
  [3, 25],
  [4, 22],
  [5, 11],
  [6, 5],
  [7, 3],
] as const;

export function drawHouseholdSize(rng: Rng): number {
  return rng.weighted(SIZE_WEIGHTS);
}

/**
 * A family of `size` people: the head's age is drawn to fit the shape (a head with
 * grandchildren is at least 50), children are 22–38 years younger than their parent,
 * parents 22–32 years older. Sex follows the relationship; a spouse is the other sex.
 */
export function composeFamily(rng: Rng, size: number): PersonDraft[] {
  const headSex: Sex = size === 1 ? (rng.chance(0.6) ? 'male' : 'female') : rng.chance(0.88) ? 'male' : 'female';
  const other: Sex = headSex === 'male' ? 'female' : 'male';
  const people: PersonDraft[] = [];
  const add = (relationship: Relationship, age: number, sex?: Sex) =>
    people.push({ relationship, age, sex: sex ?? relationshipEntry(relationship).sex ?? headSex });
  const childOf = (parentAge: number) => rng.int(Math.max(0, parentAge - 38), parentAge - 22);
  const child = (parentAge: number) => add(rng.chance(0.5) ? 'son' : 'daughter', childOf(parentAge));
  const spouse = (headAge: number) => add('spouse', Math.max(20, headAge + rng.int(-5, 5)), other);
  const parent = (headAge: number) => add(rng.chance(0.6) ? 'mother' : 'father', headAge + rng.int(22, 32));

  const shape =
    size === 1
      ? 'single'
      : size === 2
        ? rng.weighted([
            ['couple', 70],
            ['singleParent', 30],
          ] as const)
        : size === 3
          ? rng.weighted([
              ['nuclear', 70],
              ['up', 15],
              ['singleParent', 15],
            ] as const)
          : size === 4
            ? rng.weighted([
                ['nuclear', 60],
                ['up', 20],
                ['down', 20],
              ] as const)
            : size === 5
              ? rng.weighted([
                  ['down', 50],
                  ['nuclear', 20],
                  ['up', 30],
                ] as const)
              : rng.weighted([
                  ['down', 60],
                  ['up', 40],
                ] as const);

  if (shape === 'single') {
    add('head', rng.int(40, 88));
  } else if (shape === 'couple') {
    const age = rng.int(45, 85);
    add('head', age);
    spouse(age);
  } else if (shape === 'singleParent') {
    const age = rng.int(35, 80);
    add('head', age);
    while (people.length < size) child(age);
  } else if (shape === 'nuclear') {
    const age = rng.int(28, 60);
    add('head', age);
    spouse(age);
    while (people.length < size) child(age);
  } else if (shape === 'up') {
    // Head of working age living with one or both of their own parents.
    const age = rng.int(28, 55);
    add('head', age);
    spouse(age);
    const parents = size >= 6 ? 2 : 1;
    while (people.length < size - parents) child(age);
    if (parents === 2) {
      add('father', age + rng.int(24, 32));
      add('mother', age + rng.int(22, 30));
    } else parent(age);
  } else {
    // Three generations downwards: the head's married son and his children.
    const age = rng.int(size >= 7 ? 50 : 52, size >= 7 ? 62 : 75);
    add('head', age);
    spouse(age);
    const sonAge = age - rng.int(22, 30);
    add('son', sonAge);
    add('daughterInLaw', Math.max(20, sonAge + rng.int(-3, 3)));
    const withGrandparent = size === 7 && rng.chance(0.5);
    while (people.length < size - (withGrandparent ? 1 : 0)) {
      add(rng.chance(0.5) ? 'grandson' : 'granddaughter', rng.int(0, Math.min(17, sonAge - 20)));
    }
    if (withGrandparent) add('mother', age + rng.int(22, 30));
  }
  return people;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '郭',
  '马',
  '贾',
  '田',
  '秦',
  '程',
  '卫',
  '郝',
  '任',
  '史',
  '段',
  '韩',
  '武',
  '崔',
  '常',
  '宋',
  '孙',
  '原',
  '霍',
  '申',
  '牛',
  '冯',
  '吕',
];
const MALE_NAMES = [
  '建国',
  '建军',
  '国强',
  '志强',
  '海军',
  '文明',
  '永胜',
  '宏伟',
  '晓东',
  '鹏',
  '磊',
  '强',
  '伟',
  '杰',
  '涛',
  '浩然',
  '宇轩',
  '子豪',
  '俊杰',
  '保平',
];
const FEMALE_NAMES = [
  '秀英',
  '桂英',
  '玉兰',
  '秀兰',
  '丽',
  '敏',
  '静',
  '艳',
  '娟',
  '霞',
  '芳',
  '燕',
  '红梅',
  '慧',
  '婷',
  '欣怡',
  '雨涵',
  '梓涵',
  '诗涵',
  '佳怡',
];

export function drawSurname(rng: Rng): string {
  return rng.pick(SURNAMES);
}

export function drawName(rng: Rng, surname: string, sex: Sex): string {
  return surname + rng.pick(sex === 'male' ? MALE_NAMES : FEMALE_NAMES);
}

/** Relatives by blood of the head (and the head's son's children) share the head's surname. */
export function sharesHeadSurname(relationship: Relationship): boolean {
  return ['head', 'son', 'daughter', 'grandson', 'granddaughter', 'father'].includes(relationship);
}

const WORK_PLACES = ['本县', '晋城市', '太原市', '长治市', '省外'];

type PersonFacts = Omit<Member, 'name' | 'idNumber' | 'relationship' | 'minimumLiving' | 'destituteSupport' | 'phone'>;

function schoolingFor(rng: Rng, age: number): Member['schooling'] {
  if (age <= 2) return 'preschoolChild';
  if (age <= 5) return 'preschoolEducation';
  if (age <= 11) return 'primarySchool';
  if (age <= 14) return (['grade7', 'grade8', 'grade9'] as const)[age - 12];
  if (age <= 17) {
    const year = (age - 14) as 1 | 2 | 3;
    return rng.chance(0.85) ? `seniorHigh${year}` : `secondaryVocational${year}`;
  }
  if (age <= 21 && rng.chance(0.45)) {
    const year = (age - 17) as 1 | 2 | 3 | 4;
    return year <= 3 && rng.chance(0.4) ? `higherVocational${year as 1 | 2 | 3}` : `undergraduate${year}`;
  }
  return null;
}

function educationFor(rng: Rng, age: number): NonNullable<Member['education']> {
  if (age >= 70)
    return rng.weighted([
      ['illiterate', 40],
      ['primary', 45],
      ['juniorSecondary', 15],
    ] as const);
  if (age >= 50)
    return rng.weighted([
      ['illiterate', 10],
      ['primary', 40],
      ['juniorSecondary', 40],
      ['seniorSecondary', 10],
    ] as const);
  if (age >= 30)
    return rng.weighted([
      ['primary', 15],
      ['juniorSecondary', 55],
      ['seniorSecondary', 20],
      ['juniorCollege', 7],
      ['bachelorOrAbove', 3],
    ] as const);
  if (age >= 22)
    return rng.weighted([
      ['juniorSecondary', 35],
      ['seniorSecondary', 35],
      ['juniorCollege', 20],
      ['bachelorOrAbove', 10],
    ] as const);
  return rng.weighted([
    ['juniorSecondary', 50],
    ['seniorSecondary', 50],
  ] as const);
}

/** Schooling, health, labour and work for one person, consistent with age and with each other. */
export function drawPersonFacts(rng: Rng, age: number, mayHoldPost: boolean): PersonFacts {
  const schooling = schoolingFor(rng, age);
  const chronic = rng.chance(age < 30 ? 0.02 : age < 50 ? 0.08 : age < 65 ? 0.2 : 0.4);
  const serious = rng.chance(age < 50 ? 0.01 : 0.04);
  const disabled = age >= 3 && rng.chance(0.03);
  const health: Member['health'] = [
    ...(disabled ? (['disabled'] as const) : []),
    ...(chronic ? (['chronicIllness'] as const) : []),
    ...(serious ? (['seriousIllness'] as const) : []),
  ];
  const disabilityGrade = disabled
    ? rng.weighted([
        ['grade1', 10],
        ['grade2', 20],
        ['grade3', 30],
        ['grade4', 40],
      ] as const)
    : null;
  const disabilityCategory = disabled
    ? rng.pick(['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const)
    : null;

  let labourSkill: Member['labourSkill'];
  if (schooling !== null || age < 16) labourSkill = 'none';
  else if (serious || disabilityGrade === 'grade1' || disabilityGrade === 'grade2') labourSkill = 'lost';
  else if (disabled || chronic) labourSkill = age >= 75 ? 'none' : 'weak';
  else if (age < 60) labourSkill = rng.chance(0.2) ? 'skilled' : 'ordinary';
  else if (age < 70) labourSkill = rng.chance(0.4) ? 'ordinary' : 'weak';
  else labourSkill = rng.chance(0.3) ? 'weak' : 'none';

  // Only full labourers of working age have work records (2_01_015); posts go to adults only (5_12_004).
  const works = (labourSkill === 'skilled' || labourSkill === 'ordinary') && age < 60 && rng.chance(0.65);
  const workMonths = works ? rng.int(3, 12) : null;
  const employee = works && labourSkill === 'skilled' && workMonths === 12 && rng.chance(0.3);
  return {
    ethnicity: rng.chance(0.99) ? 'han' : 'hui',
    politicalStatus:
      age >= 18 && rng.chance(0.06)
        ? 'partyMember'
        : age >= 14 && age <= 28 && rng.chance(0.25)
          ? 'youthLeagueMember'
          : 'masses',
    education: schooling === null ? educationFor(rng, age) : null,
    schooling,
    health: health.length === 0 ? ['healthy'] : health,
    disabilityCategory,
    disabilityGrade,
    labourSkill,
    workMonths,
    workPlace: works ? rng.pick(WORK_PLACES) : null,
    publicWelfarePost:
      mayHoldPost &&
      age >= 18 &&
      age <= 65 &&
      (labourSkill === 'ordinary' || labourSkill === 'weak') &&
      rng.chance(0.05),
    residentMedicalInsurance: !employee,
    employeeMedicalInsurance: employee,
  };
}

export function drawPhone(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}
