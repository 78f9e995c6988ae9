import type { CodeEntry } from '../registry/codes.ts';

// Village support code lists (沁发〔2021〕17号 §三(二) 驻村帮扶, §二(二)3 社会力量帮扶; glossary: residentTeam,
// firstSecretary, keyVillage).

/** A member's role in a 驻村工作队 (第一书记 often also leads the team: record him as 第一书记). */
export const RESIDENT_ROLES = [
  { code: 'firstSecretary', zh: '第一书记' },
  { code: 'leader', zh: '队长' },
  { code: 'member', zh: '队员' },
] as const satisfies readonly CodeEntry[];
export type ResidentRole = (typeof RESIDENT_ROLES)[number]['code'];
export const RESIDENT_ROLE_CODES = RESIDENT_ROLES.map((t) => t.code) as [ResidentRole, ...ResidentRole[]];

/** Why the plan requires a team in a village (§三(二)); the county sets these flags per village. */
export const TEAM_REQUIREMENTS = [
  { code: 'keyVillage', zh: '重点帮扶村' },
  { code: 'relocationSite', zh: '易地搬迁安置点' },
  { code: 'weakParty', zh: '软弱涣散村' },
] as const satisfies readonly CodeEntry[];
export type TeamRequirement = (typeof TEAM_REQUIREMENTS)[number]['code'];

/** 社会力量帮扶 kinds (§二(二)3: 领导联系帮扶、单位结对帮扶、企业合作帮扶、学校医院对口帮扶). */
export const PAIRING_KINDS = [
  { code: 'leaderContact', zh: '领导联系点' },
  { code: 'unitVillage', zh: '单位包村' },
  { code: 'enterpriseVillage', zh: '企业帮村' },
  { code: 'schoolHospital', zh: '学校医院结对' },
] as const satisfies readonly CodeEntry[];
export type PairingKind = (typeof PAIRING_KINDS)[number]['code'];
export const PAIRING_KIND_CODES = PAIRING_KINDS.map((t) => t.code) as [PairingKind, ...PairingKind[]];

export function zhOf(list: readonly CodeEntry[], code: string | null | undefined): string {
  return list.find((e) => e.code === code)?.zh ?? code ?? '';
}
