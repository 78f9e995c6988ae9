// Roles and what each may do. Data, not code paths: a service asks `can(role, permission)`.

export const ROLES = [
  'countyAdmin',
  'countyStaff',
  'townshipStaff',
  'villageOfficer',
  'department',
  'cadre',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  countyAdmin: { zh: '县级管理员', en: 'County administrator' },
  countyStaff: { zh: '县级业务员', en: 'County staff' },
  townshipStaff: { zh: '乡镇业务员', en: 'Township staff' },
  villageOfficer: { zh: '村级信息员', en: 'Village information officer' },
  department: { zh: '行业部门', en: 'Line department' },
  cadre: { zh: '帮扶干部', en: 'Paired cadre' },
  auditor: { zh: '只读审计', en: 'Read-only auditor' },
};

/** The org level a role's unit must be at (a county admin sits on the county, etc.). */
export const ROLE_LEVELS: Record<Role, readonly OrgLevel[]> = {
  countyAdmin: ['county'],
  countyStaff: ['county'],
  townshipStaff: ['township'],
  villageOfficer: ['village'],
  department: ['county'],
  cadre: ['county', 'township'],
  auditor: ['county', 'township'],
};

export const PERMISSIONS = [
  'org:read',
  'org:manage',
  'users:read',
  'users:manage',
  'audit:read',
  /** Households in scope: list, page, timeline. */
  'registry:read',
  /** Create and edit households, members and income (village officers' edits wait for township review). */
  'registry:write',
  'registry:review',
  /** See one full ID number (audited). */
  'registry:revealId',
  'registry:import',
  'registry:export',
  'params:read',
  /** Set policy parameters (county administrators; audited). */
  'params:manage',
  /** Project library (项目库): read; declare and act at the entry step one's role handles; status and adjustments. */
  'projects:read',
  'projects:write',
  /** Linkage funds (衔接资金): read ledgers and checks; allocate, assign and disburse (county). */
  'funds:read',
  'funds:manage',
  /** Project asset ledger (资产台账): read; record income, disposal and custody. */
  'assets:read',
  'assets:write',
  /** 四议两公开 records: read; record the steps (village and township). */
  'deliberation:read',
  'deliberation:write',
  /** Push department data (department users: their own source only). */
  'feeds:push',
  'feeds:read',
  'monitoring:read',
  /** Start a monthly monitoring run. */
  'monitoring:run',
  'clues:read',
  /** Record applications and petitions, close clues. */
  'clues:write',
  /** Record a 走访排查 visit. */
  'visits:write',
  /** 帮扶: pairings, measures, obligations, recommendations (a paired cadre: his own households only). */
  'assistance:read',
  /** Record and edit measures on households. */
  'assistance:write',
  /** Pair cadres with households, reassign, end pairings. */
  'pairing:manage',
  /** Edit the measure sub-type code lists (county). */
  'assistance:manage',
  /** Measure and fund ledgers as .xlsx (scoped, audited). */
  'assistance:export',
  /** 应急救助基金 / 临时救助: read funds and applications; apply for a household; approve and pay; record fund income. */
  'relief:read',
  'relief:apply',
  'relief:approve',
  'relief:fund',
  /** Attachments (photos, scans of signed forms, meeting records): upload, and read within scope (audited). */
  'attachments:read',
  'attachments:write',
  /** 识别认定 / 风险消除 cases: read, start from a clue, act at the stage one's role handles, export ledgers. */
  'cases:read',
  'cases:start',
  'cases:act',
  'cases:export',
  /** Indicators (指标): dashboards and forms; enter values; approve (乡镇审核 / 县审定); definitions and targets (county). */
  'indicators:read',
  'indicators:enter',
  'indicators:approve',
  'indicators:manage',
  /** Analyses (issue 19): policy what-if scenarios and the multidimensional view; run and save scenarios (county, township). */
  'analysis:read',
  'analysis:run',
  /** Programme ledgers (issue 14): 公益岗位, 小额信贷, 防贫保险; read, and record (village, township, county). */
  'programmes:read',
  'programmes:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const REGISTRY_STAFF: readonly Permission[] = [
  'registry:read',
  'registry:write',
  'registry:review',
  'registry:revealId',
  'registry:import',
  'registry:export',
];
// Department data is county-level (it names people across townships): county roles only.
const MONITORING_STAFF: readonly Permission[] = ['monitoring:read', 'clues:read', 'clues:write', 'visits:write'];
// Assistance (帮扶) and relief funds: county and township staff run them; villages record measures and applications.
const ASSISTANCE_STAFF: readonly Permission[] = [
  'assistance:read',
  'assistance:write',
  'assistance:export',
  'pairing:manage',
  'relief:read',
  'relief:apply',
  'relief:approve',
  'relief:fund',
];
const ASSISTANCE_VILLAGE: readonly Permission[] = [
  'assistance:read',
  'assistance:write',
  'assistance:export',
  'relief:read',
  'relief:apply',
];

// Attachments and cases: the county, township and village staff who run the procedures; auditors read.
const ATTACHMENT_STAFF: readonly Permission[] = ['attachments:read', 'attachments:write'];
const CASE_STAFF: readonly Permission[] = ['cases:read', 'cases:start', 'cases:act', 'cases:export'];

// Department users push their own feeds only; paired cadres will see their paired households (assistance module).
const GRANTS: Record<Role, readonly Permission[]> = {
  countyAdmin: [
    'org:read',
    'org:manage',
    'users:read',
    'users:manage',
    'audit:read',
    ...REGISTRY_STAFF,
    'params:read',
    'params:manage',
    ...MONITORING_STAFF,
    'feeds:push',
    'feeds:read',
    'monitoring:run',
    ...ATTACHMENT_STAFF,
    ...CASE_STAFF,
    ...ASSISTANCE_STAFF,
    'assistance:manage',
  ],
  countyStaff: [
    'org:read',
    'users:read',
    ...REGISTRY_STAFF,
    'params:read',
    ...MONITORING_STAFF,
    'feeds:push',
    'feeds:read',
    'monitoring:run',
    ...ATTACHMENT_STAFF,
    ...CASE_STAFF,
    ...ASSISTANCE_STAFF,
  ],
  townshipStaff: [
    'org:read',
    'users:read',
    ...REGISTRY_STAFF,
    'params:read',
    ...MONITORING_STAFF,
    ...ATTACHMENT_STAFF,
    ...CASE_STAFF,
    ...ASSISTANCE_STAFF,
  ],
  villageOfficer: [
    'org:read',
    'registry:read',
    'registry:write',
    'registry:import',
    'registry:export',
    'params:read',
    'monitoring:read',
    'clues:read',
    'clues:write',
    'visits:write',
    ...ATTACHMENT_STAFF,
    ...CASE_STAFF,
    ...ASSISTANCE_VILLAGE,
  ],
  department: ['org:read', 'feeds:push', 'feeds:read'],
  cadre: ['org:read', 'params:read', 'visits:write', ...ATTACHMENT_STAFF, 'assistance:read'],
  auditor: [
    'org:read',
    'users:read',
    'audit:read',
    'registry:read',
    'params:read',
    'feeds:read',
    'monitoring:read',
    'clues:read',
    'attachments:read',
    'cases:read',
    'assistance:read',
    'assistance:export',
    'relief:read',
  ],
};

// Projects, funds, assets and 四议两公开 (issue #7): which stage a role may act at is decided by
// common/domain/projects/workflow.ts; these grants only open the module.
const PROJECT_ALL: readonly Permission[] = [
  'projects:read',
  'projects:write',
  'funds:read',
  'funds:manage',
  'assets:read',
  'assets:write',
  'deliberation:read',
  'deliberation:write',
];
const PROJECT_GRANTS: Record<Role, readonly Permission[]> = {
  countyAdmin: PROJECT_ALL,
  countyStaff: PROJECT_ALL,
  townshipStaff: [
    'projects:read',
    'projects:write',
    'funds:read',
    'assets:read',
    'assets:write',
    'deliberation:read',
    'deliberation:write',
  ],
  villageOfficer: [
    'projects:read',
    'projects:write',
    'assets:read',
    'assets:write',
    'deliberation:read',
    'deliberation:write',
  ],
  department: ['projects:read', 'projects:write'],
  cadre: [],
  auditor: ['projects:read', 'funds:read', 'assets:read', 'deliberation:read'],
};

// Indicators (issue #8): villages and townships enter their own level, townships and the county approve,
// county administrators edit definitions and targets, leaders and auditors read.
const INDICATOR_GRANTS: Record<Role, readonly Permission[]> = {
  countyAdmin: ['indicators:read', 'indicators:enter', 'indicators:approve', 'indicators:manage'],
  countyStaff: ['indicators:read', 'indicators:enter', 'indicators:approve'],
  townshipStaff: ['indicators:read', 'indicators:enter', 'indicators:approve'],
  villageOfficer: ['indicators:read', 'indicators:enter'],
  department: [],
  cadre: [],
  auditor: ['indicators:read'],
};

// Analyses (issue 19): county and township staff run what-if scenarios; a village officer reads its village's rows.
const ANALYSIS_GRANTS: Record<Role, readonly Permission[]> = {
  countyAdmin: ['analysis:read', 'analysis:run'],
  countyStaff: ['analysis:read', 'analysis:run'],
  townshipStaff: ['analysis:read', 'analysis:run'],
  villageOfficer: ['analysis:read'],
  department: [],
  cadre: [],
  auditor: ['analysis:read'],
};

// Programme ledgers (issue 14 items 1, 3, 4): villages, townships and the county keep them; auditors read.
const PROGRAMME_GRANTS: Record<Role, readonly Permission[]> = {
  countyAdmin: ['programmes:read', 'programmes:write'],
  countyStaff: ['programmes:read', 'programmes:write'],
  townshipStaff: ['programmes:read', 'programmes:write'],
  villageOfficer: ['programmes:read', 'programmes:write'],
  department: [],
  cadre: [],
  auditor: ['programmes:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return (
    PROGRAMME_GRANTS[role].includes(permission) ||
    GRANTS[role].includes(permission) ||
    PROJECT_GRANTS[role].includes(permission) ||
    INDICATOR_GRANTS[role].includes(permission) ||
    ANALYSIS_GRANTS[role].includes(permission)
  );
}

export const ORG_LEVELS = ['county', 'township', 'village', 'group'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, { zh: string; en: string }> = {
  county: { zh: '县', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '行政村', en: 'Village' },
  group: { zh: '自然村/村民小组', en: 'Villager group' },
};
