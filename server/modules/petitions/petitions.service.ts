import type { Db } from '#server/db/connect.ts';
import { systemClock, type Clock } from '#server/lib/clock.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { addStep, close, create, list } from './petitions.events.ts';
import { addHousehold, raiseClue } from './petitions.households.ts';
import { exportLedger } from './petitions.ledger.ts';
import { get, type PetitionsDeps } from './petitions.shared.ts';
import { exportZeroPetition, zeroPetition } from './petitions.zero.ts';

// 涉贫舆情与信访 register (沁发〔2021〕17号 二(一)6 “持续做好涉贫舆情防控工作…建立应对处置机制”; 二(一)2 “舆情信访研判”
// as a discovery channel; 二(三)6 三是 “零上访”村创建). One factory composing the use cases: the events, their steps and
// closure (petitions.events.ts), the households concerned and their clues (petitions.households.ts), 零上访 villages
// (petitions.zero.ts), the register's ledger (petitions.ledger.ts), what they share (petitions.shared.ts). Overdue and
// 零上访 are judged on the China day. Every write audited.

export function createPetitionsService(db: Db, clock: Clock = systemClock) {
  const d: PetitionsDeps = { db, clock };
  return {
    list: bindDeps(d, list),
    get: bindDeps(d, get),
    create: bindDeps(d, create),
    addStep: bindDeps(d, addStep),
    close: bindDeps(d, close),
    addHousehold: bindDeps(d, addHousehold),
    raiseClue: bindDeps(d, raiseClue),
    zeroPetition: bindDeps(d, zeroPetition),
    exportLedger: bindDeps(d, exportLedger),
    exportZeroPetition: bindDeps(d, exportZeroPetition),
  };
}

export type PetitionsService = ReturnType<typeof createPetitionsService>;
