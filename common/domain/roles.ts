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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  countyAdmin: ['org:read', 'org:manage', 'users:read', 'users:manage', 'audit:read'],
  countyStaff: ['org:read', 'users:read'],
  townshipStaff: ['org:read', 'users:read'],
  villageOfficer: ['org:read'],
  department: ['org:read'],
  cadre: ['org:read'],
  auditor: ['org:read', 'users:read', 'audit:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const ORG_LEVELS = ['county', 'township', 'village', 'group'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, { zh: string; en: string }> = {
  county: { zh: '县', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '行政村', en: 'Village' },
  group: { zh: '自然村/村民小组', en: 'Villager group' },
};
