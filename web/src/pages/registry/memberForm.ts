// Member rows as the forms hold them, and the conversions to and from the API shapes.
import { isDisabilityCertificateNumber, normaliseIdNumber, validateIdNumber } from '#common/domain/id-card.ts';
import type { MemberInput, MemberRow, ReplaceMemberInput } from '#web/api/registry.ts';

export interface MemberFormValues {
  /** Set for people already in the household (edit form only). */
  personId?: number;
  idMasked?: string;
  phoneMasked?: string | null;
  name: string;
  idNumber: string;
  relationship: string;
  ethnicity?: string | null;
  politicalStatus?: string | null;
  education?: string | null;
  schooling?: string | null;
  health?: string[];
  disabilityCategory?: string | null;
  disabilityGrade?: string | null;
  labourSkill: string;
  workMonths?: number | null;
  workPlace?: string;
  publicWelfarePost?: boolean;
  residentMedicalInsurance?: boolean;
  employeeMedicalInsurance?: boolean;
  minimumLiving?: boolean;
  destituteSupport?: boolean;
  phone?: string;
  /** Editing: remove the phone on file (an empty field keeps it). */
  clearPhone?: boolean;
}

export const BLANK_MEMBER: Partial<MemberFormValues> = {
  ethnicity: 'han',
  health: ['healthy'],
  publicWelfarePost: false,
  residentMedicalInsurance: true,
  employeeMedicalInsurance: false,
  minimumLiving: false,
  destituteSupport: false,
};

const orNull = <T>(value: T | undefined | ''): T | null => (value === undefined || value === '' ? null : value);

export function memberRequest(m: MemberFormValues): MemberInput {
  return {
    name: m.name.trim(),
    idNumber: normaliseIdNumber(m.idNumber ?? ''),
    relationship: m.relationship as MemberInput['relationship'],
    ethnicity: orNull(m.ethnicity) as MemberInput['ethnicity'],
    politicalStatus: orNull(m.politicalStatus) as MemberInput['politicalStatus'],
    education: orNull(m.education) as MemberInput['education'],
    schooling: orNull(m.schooling) as MemberInput['schooling'],
    health: (m.health && m.health.length > 0 ? m.health : ['healthy']) as MemberInput['health'],
    disabilityCategory: orNull(m.disabilityCategory) as MemberInput['disabilityCategory'],
    disabilityGrade: orNull(m.disabilityGrade) as MemberInput['disabilityGrade'],
    labourSkill: m.labourSkill as MemberInput['labourSkill'],
    workMonths: m.workMonths ?? null,
    workPlace: orNull(m.workPlace?.trim()),
    publicWelfarePost: m.publicWelfarePost ?? false,
    residentMedicalInsurance: m.residentMedicalInsurance ?? false,
    employeeMedicalInsurance: m.employeeMedicalInsurance ?? false,
    minimumLiving: m.minimumLiving ?? false,
    destituteSupport: m.destituteSupport ?? false,
    phone: orNull(m.phone?.trim()),
  };
}

/** 调整家庭成员: people already here go by personId; their ID and phone stay unless typed again. */
export function replaceMemberRequest(m: MemberFormValues): ReplaceMemberInput {
  const base = memberRequest(m);
  if (m.personId === undefined) return base;
  const typedPhone = m.phone?.trim();
  return {
    ...base,
    personId: m.personId,
    idNumber: base.idNumber || undefined,
    phone: typedPhone ? typedPhone : m.clearPhone ? null : undefined,
  };
}

/** An existing member as edit-form values. The API sends only the masked ID and phone: the fields start empty. */
export function memberFormValues(m: MemberRow): MemberFormValues {
  return {
    personId: m.personId,
    idMasked: m.idMasked,
    phoneMasked: m.phoneMasked,
    name: m.name,
    idNumber: '',
    relationship: m.relationship,
    ethnicity: m.ethnicity ?? undefined,
    politicalStatus: m.politicalStatus ?? undefined,
    education: m.education ?? undefined,
    schooling: m.schooling ?? undefined,
    health: [...m.health],
    disabilityCategory: m.disabilityCategory ?? undefined,
    disabilityGrade: m.disabilityGrade ?? undefined,
    labourSkill: m.labourSkill,
    workMonths: m.workMonths,
    workPlace: m.workPlace ?? '',
    publicWelfarePost: m.publicWelfarePost,
    residentMedicalInsurance: m.residentMedicalInsurance,
    employeeMedicalInsurance: m.employeeMedicalInsurance,
    minimumLiving: m.minimumLiving,
    destituteSupport: m.destituteSupport,
    phone: '',
  };
}

export type IdCheck =
  | { ok: true; sex: 'male' | 'female' | null; birthDate: string | null }
  | { ok: false; messageZh: string; messageEn: string };

/** Client-side hint only (the server decides): GB 11643 check, or a 残疾人证号 (20/22 characters). */
export function checkIdNumber(raw: string, today: string): IdCheck {
  const id = normaliseIdNumber(raw);
  if (id.length > 18 && isDisabilityCertificateNumber(id)) return { ok: true, sex: null, birthDate: null };
  const result = validateIdNumber(id, today);
  return result.ok ? { ok: true, sex: result.sex, birthDate: result.birthDate } : result;
}

/** Does a retyped number agree with the masked one on file (first 4, last 4 characters)? */
export function matchesMask(raw: string, masked: string): boolean {
  const id = normaliseIdNumber(raw);
  return id.length === masked.length && id.slice(0, 4) === masked.slice(0, 4) && id.slice(-4) === masked.slice(-4);
}
