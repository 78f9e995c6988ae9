import { describe, expect, it } from 'vitest';
import { ageOn, validateIdNumber } from '#common/domain/id-card.ts';
import { relationshipEntry } from '#common/domain/registry/codes.ts';
import { perCapitaNetIncome } from '#common/domain/registry/income.ts';
import { DEFAULT_QUALITY_PARAMS, runQualityChecks } from '#common/domain/registry/quality-checks.ts';
import { validateHousehold } from '#common/domain/registry/validation.ts';
import { generateDemoCounty, mulberry32, type DemoCountyOptions, type DemoHousehold } from './demo-generator.ts';

// Real Qinshui township prefixes (policy-rules §7) with made-up village numbers.
const VILLAGES = ['140521100201', '140521101201', '140521101202', '140521103205', '140521104210', '140521202201'];
const LINE = 760_000; // 7,600 yuan
const YEAR = 2024;
const TODAY = `${YEAR}-12-31`;
const options = (overrides: Partial<DemoCountyOptions> = {}): DemoCountyOptions => ({
  seed: 20240501,
  households: 20_000,
  villageCodes: VILLAGES,
  incomeLineFen: LINE,
  year: YEAR,
  ...overrides,
});

const county: DemoHousehold[] = [...generateDemoCounty(options())];
const everyone = county.flatMap((d) => d.members);

describe('mulberry32', () => {
  it('is a fixed stream for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(first[0]);
  });
});

describe('generateDemoCounty', () => {
  it('is deterministic for a seed and differs for another', () => {
    const again = [...generateDemoCounty(options({ households: 300 }))];
    expect(again).toEqual(county.slice(0, 300));
    const other = [...generateDemoCounty(options({ households: 300, seed: 7 }))];
    expect(other.map((d) => d.household.headIdNumber)).not.toEqual(again.map((d) => d.household.headIdNumber));
  });

  it('streams lazily: a million-household county yields its first households at once', () => {
    // 120 villages × 9,999 household numbers each leave room for a million households.
    const villageCodes = Array.from({ length: 120 }, (_, i) => `140521100${201 + i}`);
    const stream = generateDemoCounty(options({ households: 1_000_000, villageCodes }));
    const first = stream.next();
    expect(first.done).toBe(false);
    expect(first.value?.household.householdNo).toBe('1405211002010001');
    expect(first.value?.members).toEqual(county[0].members);
    stream.return(undefined);
  });

  it('gives every person a valid GB 11643 ID from the county, with sex fitting the relationship', () => {
    expect(everyone.length).toBeGreaterThan(50_000);
    for (const m of everyone) {
      const result = validateIdNumber(m.idNumber, TODAY);
      if (!result.ok) throw new Error(`${m.idNumber}: ${result.messageEn}`);
      expect(result.areaCode).toBe('140521');
      const implied = relationshipEntry(m.relationship).sex;
      if (implied) expect(result.sex).toBe(implied);
    }
  });

  it('makes IDs and household numbers unique across 20,000 households', () => {
    expect(new Set(everyone.map((m) => m.idNumber)).size).toBe(everyone.length);
    const numbers = county.map((d) => d.household.householdNo);
    expect(new Set(numbers).size).toBe(county.length);
    for (const { household } of county.slice(0, 50)) {
      expect(household.householdNo).toMatch(/^140521\d{10}$/);
      expect(household.householdNo.startsWith(household.villageCode)).toBe(true);
    }
    expect(county[0].household.householdNo).toBe('1405211002010001');
    expect(county[VILLAGES.length].household.householdNo).toBe('1405211002010002');
  });

  it('produces households that pass validation and raise no data-quality finding', () => {
    const ctx = { today: TODAY, params: { ...DEFAULT_QUALITY_PARAMS }, incomeLineFen: LINE };
    for (const { household, members } of county) {
      expect(validateHousehold(household, members, { today: TODAY })).toEqual([]);
      const findings = runQualityChecks(household, members, ctx);
      if (findings.length > 0)
        throw new Error(`${household.householdNo}: ${findings.map((f) => f.messageEn).join('; ')}`);
    }
  });

  it('keeps spouses opposite-sex and children younger than the head', () => {
    for (const { members } of county.slice(0, 2000)) {
      const [head] = members;
      const headBirth = validateIdNumber(head.idNumber, TODAY);
      for (const m of members.slice(1)) {
        const generation = relationshipEntry(m.relationship).generation;
        const birth = validateIdNumber(m.idNumber, TODAY);
        if (!headBirth.ok || !birth.ok) throw new Error('invalid ID');
        if (generation < 0) expect(birth.birthDate > headBirth.birthDate).toBe(true);
        if (generation > 0) expect(birth.birthDate < headBirth.birthDate).toBe(true);
      }
    }
  });

  it('draws plausible shares: sizes 1–7 mostly 2–4, ~25% alleviated, ~3% monitored, housing mostly A/B', () => {
    const n = county.length;
    const sizes = county.map((d) => d.members.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(7);
    expect(sizes.filter((s) => s >= 2 && s <= 4).length / n).toBeGreaterThan(0.6);
    const share = (test: (d: DemoHousehold) => boolean) => county.filter(test).length / n;
    expect(share((d) => d.household.kind === 'alleviated')).toBeCloseTo(0.25, 1);
    expect(share((d) => d.household.monitoringType !== null)).toBeGreaterThan(0.02);
    expect(share((d) => d.household.monitoringType !== null)).toBeLessThan(0.04);
    expect(share((d) => d.household.housingGrade === 'A' || d.household.housingGrade === 'B')).toBeGreaterThan(0.93);
    expect(share((d) => d.household.housingGrade === 'C' || d.household.housingGrade === 'D')).toBeGreaterThan(0.02);
    expect(share((d) => d.household.waterSafe === true)).toBeGreaterThan(0.95);
    expect(share((d) => d.household.elimination !== null)).toBeGreaterThan(0.005);
    expect(
      share((d) => d.members.some((m) => m.schooling !== null && m.schooling !== 'preschoolChild')),
    ).toBeGreaterThan(0.2);
    expect(share((d) => d.members.some((m) => m.health.includes('chronicIllness')))).toBeGreaterThan(0.1);
    expect(share((d) => d.members.some((m) => m.health.includes('disabled')))).toBeGreaterThan(0.03);
  });

  it('sets monitoring types consistent with per-capita income against the line', () => {
    const open = county.filter((d) => d.household.monitoringType !== null && d.household.elimination === null);
    expect(open.length).toBeGreaterThan(200);
    for (const { household, members } of open) {
      const perCapita = perCapitaNetIncome(household.income!, members.length);
      if (household.monitoringType === 'suddenHardship') expect(perCapita).toBeGreaterThan(LINE);
      else expect(perCapita).toBeLessThanOrEqual(LINE);
      expect(household.riskTypes.length).toBeGreaterThan(0);
    }
    const outside = county.filter((d) => d.household.monitoringType === null);
    const below = outside.filter((d) => perCapitaNetIncome(d.household.income!, d.members.length) <= LINE);
    expect(below.length / outside.length).toBeGreaterThan(0.01);
    expect(below.length / outside.length).toBeLessThan(0.04);
  });

  it('gives no labour to children and students, and ages that fit labour', () => {
    for (const m of everyone.slice(0, 20_000)) {
      const id = validateIdNumber(m.idNumber, TODAY);
      if (!id.ok) throw new Error('invalid ID');
      const age = ageOn(id.birthDate, TODAY);
      if (age < 16 || m.schooling !== null) expect(m.labourSkill).toBe('none');
      if (m.phone !== null) expect(m.phone).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('refuses villages of different counties and impossible sizes', () => {
    expect(() => generateDemoCounty(options({ villageCodes: ['140521100201', '140522100201'] })).next()).toThrow(
      RangeError,
    );
    expect(() => generateDemoCounty(options({ villageCodes: ['140521100000'] })).next()).toThrow(RangeError);
    expect(() => generateDemoCounty(options({ villageCodes: ['140521100201'], households: 10_000 })).next()).toThrow(
      RangeError,
    );
  });
});
