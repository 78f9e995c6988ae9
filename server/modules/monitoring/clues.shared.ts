import type { z } from 'zod';
import type { clueListQuery, ClueRow } from '#common/contracts/clues.ts';
import type { Db } from '#server/db/connect.ts';
import type { listClues } from './clues.repository.ts';

// What the clue-list use cases share (clues.read.ts, clues.write.ts): the deps and a clue's row with its age.

export interface CluesDeps {
  db: Db;
  clock: () => Date;
}

export type ListQuery = z.infer<typeof clueListQuery>;
const DAY_MS = 86_400_000;

export function toRow(d: CluesDeps, r: Awaited<ReturnType<typeof listClues>>[number]): ClueRow {
  return {
    id: r.clue.id,
    householdId: r.clue.householdId,
    householdNo: r.householdNo,
    headName: r.headName,
    villageCode: r.clue.villageCode,
    villageName: r.villageName,
    channel: r.clue.channel,
    riskType: r.clue.riskType,
    status: r.clue.status,
    summary: r.clue.summary,
    openedAt: r.clue.openedAt.toISOString(),
    ageDays: Math.floor((d.clock().getTime() - r.clue.openedAt.getTime()) / DAY_MS),
    signalCount: r.signalCount,
    channels: r.channels ?? [],
    activeCaseId: r.activeCaseId ?? null,
  };
}
