import type { Db } from '#server/db/connect.ts';
import { systemClock, todayInChina, type Clock } from '#server/lib/clock.ts';
import { createProjectChanges } from './projects.changes.ts';
import { createProjectEntry } from './projects.entry.ts';
import { createProjectReads } from './projects.read.ts';

// The project library (项目库, policy-rules §6): declaration with its entry checks, the entry procedure
// (three notices and an announcement), life status, recorded adjustments. Every write is one transaction
// with a project_event row and an audit row. This factory composes the use cases:
//   projects.read.ts (list, export rows, detail), projects.entry.ts (申报, 入库流程),
//   projects.changes.ts (状态, 调整), projects.shared.ts (shared rules); exports in projects.exports.ts.

export function createProjectsService(db: Db, clock: Clock = systemClock) {
  const today = () => todayInChina(clock());
  const { list, all, get, noticeDays } = createProjectReads(db, today);
  const { create, act } = createProjectEntry({ db, today, get, noticeDays });
  const { changeStatus, adjust } = createProjectChanges({ db, today, get });
  return { list, all, get, create, act, changeStatus, adjust };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
