import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { countyCodeOf } from '../common/domain/org-code.ts';
import { deriveFromIdNumber } from '../common/domain/registry/validation.ts';
import { householdIncomes, households, memberships, persons } from '../server/db/schema/registry.ts';
import type { PersonalDataBox } from '../server/lib/crypto.ts';
import {
  generateDemoCounty,
  type DemoCountyOptions,
  type DemoHousehold,
} from '../server/modules/registry/demo-generator.ts';
import type { BenchDatabase } from './bench-db.ts';

// The floor for the import: the same generated households loaded straight into the same four
// registry tables, no checks, ids assigned here. PGlite: COPY … FROM '/dev/blob' (CSV); PostgreSQL:
// multi-row INSERT with bound parameters (pg-copy-streams is not installed). Only the loading
// statements are timed; building the rows (hashing and encrypting IDs included) is reported apart.

const CHUNK = 5000;
const INSERT_BATCH = 1000;

type Row = Record<string, unknown>;

interface Chunk {
  household: Row[];
  person: Row[];
  membership: Row[];
  income: Row[];
}

function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  const text = Array.isArray(v) ? `{${v.join(',')}}` : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return `"${text.replace(/"/g, '""')}"`;
}

/** Raw COPY of built rows (PGlite). */
export async function copyInto(bench: BenchDatabase, table: PgTable, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]);
  const csv = rows.map((r) => columns.map(([key]) => csvValue(r[key])).join(',')).join('\n') + '\n';
  const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
  await bench.pglite!.query(`COPY "${getTableName(table)}" (${names}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([csv]),
  });
}

/** Multi-row INSERT of built rows (PostgreSQL: pg-copy-streams is not installed). */
export async function insertInto(bench: BenchDatabase, table: PgTable, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await bench.database.db.insert(table).values(rows.slice(i, i + INSERT_BATCH) as never);
}

function buildChunk(list: DemoHousehold[], ids: { h: number; p: number }, box: PersonalDataBox, today: string): Chunk {
  const chunk: Chunk = { household: [], person: [], membership: [], income: [] };
  for (const { household: h, members } of list) {
    const householdId = ++ids.h;
    const countyCode = countyCodeOf(h.villageCode);
    chunk.household.push({
      id: householdId,
      countyCode,
      householdNo: h.householdNo,
      villageCode: h.villageCode,
      kind: h.kind,
      alleviatedAttribute: h.alleviatedAttribute,
      monitoringType: h.monitoringType,
      identificationPeriod: h.identificationPeriod,
      riskTypes: h.riskTypes,
      eliminationPeriod: h.elimination?.period ?? null,
      eliminationMode: h.elimination?.mode ?? null,
      wholeHouseholdNoLabour: h.wholeHouseholdNoLabour,
      phoneCipher: h.phone ? box.encrypt(h.phone) : null,
      address: h.address,
      housingGrade: h.housingGrade,
      waterSafe: h.waterSafe,
      schoolDropout: h.basicNeeds.schoolDropout,
      housingUnsafe: h.basicNeeds.housingUnsafe,
      medicalUninsured: h.basicNeeds.medicalUninsured,
    });
    for (const m of members) {
      const personId = ++ids.p;
      const facts = deriveFromIdNumber(m.idNumber, today);
      chunk.person.push({
        id: personId,
        countyCode,
        idHash: box.hash(m.idNumber),
        idCipher: box.encrypt(m.idNumber),
        idKind: 'resident',
        name: m.name,
        sex: facts.ok ? facts.sex : null,
        birthDate: facts.ok ? facts.birthDate : null,
        ethnicity: m.ethnicity,
        politicalStatus: m.politicalStatus,
        education: m.education,
        schooling: m.schooling,
        health: [...m.health],
        disabilityCategory: m.disabilityCategory,
        disabilityGrade: m.disabilityGrade,
        labourSkill: m.labourSkill,
        workMonths: m.workMonths,
        workPlace: m.workPlace,
        publicWelfarePost: m.publicWelfarePost,
        residentMedicalInsurance: m.residentMedicalInsurance,
        employeeMedicalInsurance: m.employeeMedicalInsurance,
        minimumLiving: m.minimumLiving,
        destituteSupport: m.destituteSupport,
        phoneCipher: m.phone ? box.encrypt(m.phone) : null,
      });
      chunk.membership.push({
        id: personId,
        countyCode,
        householdId,
        personId,
        relationship: m.relationship,
        validFrom: today,
      });
    }
    if (h.income)
      chunk.income.push({ id: householdId, countyCode, householdId, ...h.income, householdSize: members.length });
  }
  return chunk;
}

/** Loads the generated county raw; returns the rows written and the time spent in loading statements only. */
export async function rawLoad(bench: BenchDatabase, box: PersonalDataBox, options: DemoCountyOptions, today: string) {
  const load = bench.pglite ? copyInto : insertInto;
  const ids = { h: 0, p: 0 };
  let rows = 0;
  let loadMs = 0;
  let prepMs = 0;
  let pending: DemoHousehold[] = [];
  const flush = async () => {
    let t = performance.now();
    const chunk = buildChunk(pending, ids, box, today);
    prepMs += performance.now() - t;
    t = performance.now();
    await load(bench, households, chunk.household);
    await load(bench, persons, chunk.person);
    await load(bench, memberships, chunk.membership);
    await load(bench, householdIncomes, chunk.income);
    loadMs += performance.now() - t;
    rows += chunk.household.length + chunk.person.length + chunk.membership.length + chunk.income.length;
    pending = [];
  };
  for (const h of generateDemoCounty(options)) {
    pending.push(h);
    if (pending.length === CHUNK) await flush();
  }
  if (pending.length > 0) await flush();
  return { rows, loadMs, prepMs, mode: bench.pglite ? "COPY … FROM '/dev/blob'" : 'multi-row INSERT' };
}

/** Empties the registry tables again so the import starts from the same state. */
export async function emptyRegistry(bench: BenchDatabase): Promise<void> {
  await bench.database.db.execute(
    sql`TRUNCATE household, person, membership, household_income, registry_change RESTART IDENTITY CASCADE`,
  );
}
