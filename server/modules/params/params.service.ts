import type { Db } from '#server/db/connect.ts';
import { bindDeps } from '#server/lib/use-cases.ts';
import { list, resolve } from './params.list.ts';
import { set } from './params.set.ts';
import type { ParamsDeps } from './params.shared.ts';

// Policy parameters (政策参数). One factory composing the use cases: reading the definitions with their versions and
// the values in force (params.list.ts), setting a new version (params.set.ts); the seeding and the resolution every
// rule reads (params.shared.ts).

export { numberParam, resolveAll, seedPolicyParams, type ResolvedParams } from './params.shared.ts';

export function createParamsService(db: Db) {
  const d: ParamsDeps = { db };
  return { list: bindDeps(d, list), resolve: bindDeps(d, resolve), set: bindDeps(d, set) };
}

export type ParamsService = ReturnType<typeof createParamsService>;
