import type { Role } from '#common/domain/roles.ts';

/** Who is acting, bound to one org unit; their scope is the unit and its descendants. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  orgName: string;
  /** A line-department user's data source; null for everyone else. */
  feedSource: string | null;
  /** Every descendant's code starts with this prefix. */
  scopePrefix: string;
}

/** What a service needs to know about the request it serves. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
}

/** Work done by the system itself (CLI, demo loader, schedules). */
export function systemContext(requestId = 'system'): RequestContext {
  return {
    requestId,
    actor: {
      id: 0,
      username: 'system',
      displayName: '系统',
      role: 'countyAdmin',
      orgCode: '000000000000',
      orgName: '系统',
      feedSource: null,
      scopePrefix: '',
    },
  };
}
