import type { Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { decide, household, listClaims, report } from './insurance.claims.ts';
import { exportClaims, importClaims } from './insurance.ledger.ts';
import { exportUncovered, insure, listPolicies, uncovered } from './insurance.policies.ts';
import { getClaim, type InsuranceDeps } from './insurance.shared.ts';

// 防贫保险 "1+N" (沁发〔2021〕17号 §二(三)5 一是). One factory composing the use cases: policies and the coverage check
// (insurance.policies.ts), claims and their decision into 理赔收入 (insurance.claims.ts), the claim ledger's export and
// the insurer's sheet import (insurance.ledger.ts), what they share (insurance.shared.ts). docs/insurance.md.

export function createInsuranceService(db: Db, box: PersonalDataBox) {
  const d: InsuranceDeps = { db, box };
  return {
    listPolicies: bindDeps(d, listPolicies),
    insure: bindDeps(d, insure),
    uncovered: bindDeps(d, uncovered),
    exportUncovered: bindDeps(d, exportUncovered),
    listClaims: bindDeps(d, listClaims),
    getClaim: bindDeps(d, getClaim),
    report: bindDeps(d, report),
    decide: bindDeps(d, decide),
    household: bindDeps(d, household),
    exportClaims: bindDeps(d, exportClaims),
    importClaims: bindDeps(d, importClaims),
  };
}

export type InsuranceService = ReturnType<typeof createInsuranceService>;
