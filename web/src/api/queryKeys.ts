// The react-query keys of the web app, one factory per module (issue 18 point 4). Pages never write a literal key:
// `useQuery({ queryKey: keys.projects.list(filters), … })`, and writes invalidate a module's prefix,
// `queryClient.invalidateQueries({ queryKey: keys.projects.all })`. Every key starts with its module's `all`, so
// invalidating `all` refreshes every list, detail and summary of that module.
// A new module adds one entry here (`posts: { all: ['posts'] as const, list: (f) => ['posts', 'list', f] as const }`).
import { assistanceKeys } from './assistance.ts';
import { auditKeys } from './audit.ts';
import { ME_QUERY_KEY } from './auth.ts';
import { casesKeys } from './cases.ts';
import { indicatorKeys } from './indicators.ts';
import { insuranceKeys } from './insurance.ts';
import { keyVillageKeys } from './key-villages.ts';
import { monitoringKeys } from './monitoring.ts';
import { orgKeys } from './org.ts';
import { paramKeys } from './params.ts';
import { petitionKeys } from './petitions.ts';
import { villagePointsKeys } from './village-points.ts';
import { projectKeys } from './projects.ts';
import { registryKeys } from './registry.ts';
import { socialKeys } from './social-assistance.ts';
import { relocationKeys } from './relocation.ts';
import { residentTeamKeys, socialPairingKeys } from './village-support.ts';
import { collectiveKeys, consumerKeys } from './village-economy.ts';
import { microloanKeys } from './microloans.ts';
import { USERS_QUERY_KEY } from './users.ts';
import { workbenchKeys } from './workbench.ts';

export const keys = {
  auth: { all: ['auth'] as const, me: ME_QUERY_KEY },
  workbench: workbenchKeys,
  help: { all: ['help'] as const, page: (page: string) => ['help', page] as const },
  org: { all: ['org'] as const, ...orgKeys },
  users: {
    all: USERS_QUERY_KEY,
    list: (search: unknown) => [...USERS_QUERY_KEY, search] as const,
    auditActorOptions: [...USERS_QUERY_KEY, 'audit-actor-options'] as const,
  },
  audit: { all: ['audit'] as const, ...auditKeys },
  registry: {
    ...registryKeys,
    searchBy: (idQuery: string | undefined) => [...registryKeys.search(), idQuery] as const,
  },
  clues: {
    all: ['clues'] as const,
    list: monitoringKeys.clues,
    detail: monitoringKeys.clue,
  },
  monitoring: {
    all: ['monitoring'] as const,
    ...monitoringKeys,
  },
  jobs: { all: ['jobs'] as const, detail: (id: number) => ['jobs', id] as const },
  feeds: { all: ['feeds'] as const, batches: monitoringKeys.batches },
  params: paramKeys,
  publicApply: { all: ['public'] as const, villages: monitoringKeys.villages },
  cases: {
    ...casesKeys,
    monitored: (query: string) => ['cases', 'monitored', query] as const,
  },
  projects: {
    ...projectKeys,
    fundLedger: (ledger: 'allocations' | 'assignments' | 'disbursements', year: number) =>
      [...projectKeys.funds, ledger, year] as const,
    deliberation: (id: number | null) => [...projectKeys.deliberations, id] as const,
    decidedDeliberations: [...projectKeys.deliberations, 'decided'] as const,
    assetList: (filters: unknown) => [...projectKeys.assets, 'list', filters] as const,
    assetSummary: [...projectKeys.assets, 'summary'] as const,
    asset: (id: number) => [...projectKeys.assets, 'detail', id] as const,
  },
  assistance: {
    ...assistanceKeys,
    find: (q: string) => ['assistance', 'find', q] as const,
    obligations: (asOf: string | undefined, orgCode: string | undefined, code: string | undefined) =>
      [...assistanceKeys.board(asOf, orgCode), code ?? ''] as const,
  },
  relief: {
    all: ['relief'] as const,
    funds: assistanceKeys.funds,
    fund: assistanceKeys.fund,
    households: (q: string) => ['relief', 'hh', q] as const,
  },
  socialAssistance: socialKeys,
  relocation: relocationKeys,
  residentTeams: residentTeamKeys,
  socialPairing: socialPairingKeys,
  petitions: petitionKeys,
  villagePoints: villagePointsKeys,
  collectiveEconomy: collectiveKeys,
  consumerAssistance: consumerKeys,
  keyVillages: keyVillageKeys,
  microloans: microloanKeys,
  insurance: insuranceKeys,
  indicators: {
    ...indicatorKeys,
    cockpitAll: ['indicators', 'cockpit'] as const,
    approvalsAll: ['indicators', 'approvals'] as const,
  },
} as const;
