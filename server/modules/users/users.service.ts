import type { Db } from '#server/db/connect.ts';
import type { PersonalDataBox } from '#server/lib/crypto.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { get, list } from './users.read.ts';
import type { UsersDeps } from './users.shared.ts';
import { create, update } from './users.write.ts';

// User accounts. One factory composing the use cases: the list and one account (users.read.ts), creating and changing
// accounts (users.write.ts), what they share (users.shared.ts).

export function createUsersService(db: Db, box: PersonalDataBox) {
  const d: UsersDeps = { db, box };
  return { list: bindDeps(d, list), get: bindDeps(d, get), create: bindDeps(d, create), update: bindDeps(d, update) };
}

export type UsersService = ReturnType<typeof createUsersService>;
