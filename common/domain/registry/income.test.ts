import { describe, expect, it } from 'vitest';
import type { HouseholdIncome } from './household.ts';
import {
  adjustedNetIncome,
  adjustedPerCapita,
  divideFenHalfUp,
  netIncome,
  perCapitaNetIncome,
  summariseIncome,
} from './income.ts';

const income = (overrides: Partial<HouseholdIncome> = {}): HouseholdIncome => ({
  year: 2023,
  wageIncome: 0,
  businessIncome: 0,
  propertyIncome: 0,
  transferIncome: 0,
  businessCost: 0,
  insurancePayout: 0,
  eligibleOutOfPocket: 0,
  ...overrides,
});

describe('netIncome = wage + business + property + transfer − businessCost (§3.4)', () => {
  it.each([
    [
      {
        wageIncome: 3_600_000,
        businessIncome: 800_000,
        propertyIncome: 50_000,
        transferIncome: 300_000,
        businessCost: 250_000,
      },
      4_500_000,
    ],
    [{ wageIncome: 1_000_000 }, 1_000_000],
    [{ businessIncome: 100_000, businessCost: 300_000 }, -200_000],
    // Payouts and out-of-pocket spending are not part of 家庭纯收入.
    [{ wageIncome: 500_000, insurancePayout: 90_000, eligibleOutOfPocket: 700_000 }, 500_000],
  ])('%j → %i fen', (overrides, expected) => {
    expect(netIncome(income(overrides))).toBe(expected);
  });
});

describe('divideFenHalfUp: Math.round semantics on whole fen, without floating point', () => {
  it.each([
    [1000, 3, 333],
    [2000, 3, 667],
    [5, 2, 3],
    [3, 2, 2],
    [1, 2, 1],
    [7, 4, 2],
    [-5, 2, -2],
    [-7, 2, -3],
    [-1000, 3, -333],
    [0, 5, 0],
    [900_719_925_474_099, 7, Math.round(900_719_925_474_099 / 7)],
  ])('%i ÷ %i = %i', (total, size, expected) => {
    expect(divideFenHalfUp(total, size)).toBe(expected);
    if (Math.abs(total) < 1e12) expect(divideFenHalfUp(total, size)).toBe(Math.round(total / size));
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses household size %d', (size) => {
    expect(() => divideFenHalfUp(1000, size)).toThrow(RangeError);
  });

  it('refuses fractional fen', () => {
    expect(() => divideFenHalfUp(10.5, 2)).toThrow(RangeError);
  });
});

describe('per-capita figures', () => {
  const figures = income({
    wageIncome: 1_200_000,
    businessIncome: 300_000,
    transferIncome: 200_000,
    businessCost: 100_000,
    insurancePayout: 200_000,
    eligibleOutOfPocket: 900_000,
  });

  it('perCapitaNetIncome divides 家庭纯收入 by household size', () => {
    expect(perCapitaNetIncome(figures, 4)).toBe(400_000);
    expect(perCapitaNetIncome(figures, 3)).toBe(533_333);
    expect(perCapitaNetIncome(income({ wageIncome: 2_000_000 }), 3)).toBe(666_667);
  });

  it('adjustedPerCapita adds insurance payouts and subtracts eligible out-of-pocket spending', () => {
    expect(adjustedNetIncome(figures)).toBe(1_600_000 + 200_000 - 900_000);
    expect(adjustedPerCapita(figures, 4)).toBe(225_000);
    expect(adjustedPerCapita(income({ eligibleOutOfPocket: 1_000_000 }), 3)).toBe(-333_333);
  });

  it('summariseIncome returns both figures, separately named', () => {
    expect(summariseIncome(figures, 4)).toEqual({
      householdSize: 4,
      netIncome: 1_600_000,
      perCapitaNetIncome: 400_000,
      adjustedNetIncome: 900_000,
      adjustedPerCapita: 225_000,
    });
  });
});
