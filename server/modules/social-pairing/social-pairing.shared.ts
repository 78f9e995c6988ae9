import type { z } from 'zod';
import type { pairingExportQuery, pairingListQuery, PairingRow } from '#common/contracts/social-pairing.ts';
import { orgFilterPrefix } from '#common/domain/org-code.ts';
import type { PairingKind } from '#common/domain/village-support/codes.ts';
import type { Db } from '#server/db/connect.ts';
import * as repo from './social-pairing.repository.ts';

// What the 社会力量帮扶 use cases share (social-pairing.pairings.ts, social-pairing.ledger.ts): the deps, the list
// row, the filter, a totals line.

export interface SocialPairingDeps {
  db: Db;
}

export type PairingListQuery = z.infer<typeof pairingListQuery>;
export type PairingExportQuery = z.infer<typeof pairingExportQuery>;

export const PAIRING = { zh: '社会力量帮扶', en: 'Pairing' };

export function toRow(r: Awaited<ReturnType<typeof repo.listPairings>>[number]): PairingRow {
  const x = r.pairing;
  return {
    id: x.id,
    orgCode: x.orgCode,
    villageName: r.villageName,
    townshipName: r.townshipName,
    kind: x.kind as PairingKind,
    partnerName: x.partnerName,
    leaderName: x.leaderName,
    startedOn: x.startedOn,
    endedOn: x.endedOn,
    note: x.note,
    fundsFen: Number(r.fundsFen),
    projects: Number(r.projects),
    jobs: Number(r.jobs),
  };
}

export const filterOf = (q: PairingExportQuery) => ({
  orgPrefix: orgFilterPrefix(q.orgCode),
  kind: q.kind,
  status: q.status,
  q: q.q,
});

export const line = (r: repo.TotalsDbRow) => ({
  pairings: Number(r.pairings),
  fundsFen: Number(r.funds_fen ?? 0),
  projects: Number(r.projects ?? 0),
  jobs: Number(r.jobs ?? 0),
});
