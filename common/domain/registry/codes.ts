// Registry code lists as data: an English code (stored, used in code) and the Chinese
// label the national system and county spreadsheets use (shown in the UI, matched on
// import). Sources: policy-rules §1.4, §3.3 and formats §1; extra attributes (sex implied
// by a relationship, school stage, unsafe housing) let rules read facts instead of labels.

export interface CodeEntry<C extends string = string> {
  readonly code: C;
  readonly zh: string;
  /** Other spellings met in real exports, accepted on import, never written. */
  readonly aliases?: readonly string[];
}

export type CodeOf<L extends readonly CodeEntry[]> = L[number]['code'];

export const HOUSEHOLD_KINDS = [
  { code: 'alleviated', zh: '脱贫户' },
  { code: 'ordinary', zh: '一般农户' },
] as const satisfies readonly CodeEntry[];
export type HouseholdKind = CodeOf<typeof HOUSEHOLD_KINDS>;

export const ALLEVIATED_ATTRIBUTES = [
  { code: 'general', zh: '一般脱贫户' },
  { code: 'minimumLiving', zh: '低保脱贫户' },
  { code: 'destituteSupport', zh: '特困供养脱贫户' },
] as const satisfies readonly CodeEntry[];
export type AlleviatedAttribute = CodeOf<typeof ALLEVIATED_ATTRIBUTES>;

/** The seed document says 严重困难户; the national wording is 突发严重困难户. */
export const MONITORING_TYPES = [
  { code: 'unstable', zh: '脱贫不稳定户', aliases: ['脱贫不稳定'] },
  { code: 'edge', zh: '边缘易致贫户', aliases: ['边缘易致贫'] },
  { code: 'suddenHardship', zh: '突发严重困难户', aliases: ['严重困难户'] },
] as const satisfies readonly CodeEntry[];
export type MonitoringType = CodeOf<typeof MONITORING_TYPES>;

export const ELIMINATION_MODES = [
  { code: 'assistedElimination', zh: '帮扶消除' },
  { code: 'naturalElimination', zh: '自然消除' },
] as const satisfies readonly CodeEntry[];
export type EliminationMode = CodeOf<typeof ELIMINATION_MODES>;

type Sex = 'male' | 'female';
export interface RelationshipEntry extends CodeEntry {
  /** The sex the term implies, if any: 之子 is male whatever the ID says. */
  readonly sex?: Sex;
  /** Generations relative to the head (children −1, parents +1): for plausible ages. */
  readonly generation: number;
}

/** National 与户主关系 list (§3.3), in the export's order. */
export const RELATIONSHIPS = [
  { code: 'head', zh: '户主', generation: 0 },
  { code: 'spouse', zh: '配偶', generation: 0 },
  { code: 'son', zh: '之子', sex: 'male', generation: -1 },
  { code: 'daughter', zh: '之女', sex: 'female', generation: -1 },
  { code: 'daughterInLaw', zh: '之儿媳', sex: 'female', generation: -1 },
  { code: 'sonInLaw', zh: '之女婿', sex: 'male', generation: -1 },
  { code: 'grandson', zh: '之孙子', sex: 'male', generation: -2 },
  { code: 'granddaughter', zh: '之孙女', sex: 'female', generation: -2 },
  { code: 'daughtersSon', zh: '之外孙子', sex: 'male', generation: -2 },
  { code: 'daughtersDaughter', zh: '之外孙女', sex: 'female', generation: -2 },
  { code: 'father', zh: '之父', sex: 'male', generation: 1 },
  { code: 'mother', zh: '之母', sex: 'female', generation: 1 },
  { code: 'wifesFather', zh: '之岳父', sex: 'male', generation: 1 },
  { code: 'wifesMother', zh: '之岳母', sex: 'female', generation: 1 },
  { code: 'husbandsFather', zh: '之公公', sex: 'male', generation: 1 },
  { code: 'husbandsMother', zh: '之婆婆', sex: 'female', generation: 1 },
  { code: 'paternalGrandfather', zh: '之祖父', sex: 'male', generation: 2 },
  { code: 'paternalGrandmother', zh: '之祖母', sex: 'female', generation: 2 },
  { code: 'maternalGrandfather', zh: '之外祖父', sex: 'male', generation: 2 },
  { code: 'maternalGrandmother', zh: '之外祖母', sex: 'female', generation: 2 },
  { code: 'sibling', zh: '之兄弟姐妹', generation: 0 },
  { code: 'greatGrandson', zh: '之曾孙子', sex: 'male', generation: -3 },
  { code: 'greatGranddaughter', zh: '之曾孙女', sex: 'female', generation: -3 },
  { code: 'nephew', zh: '之侄儿', sex: 'male', generation: -1 },
  { code: 'niece', zh: '之侄女', sex: 'female', generation: -1 },
  { code: 'siblingsWife', zh: '之兄弟媳妇', sex: 'female', generation: 0 },
  { code: 'uncle', zh: '之叔伯', sex: 'male', generation: 1 },
  { code: 'other', zh: '其他', generation: 0 },
] as const satisfies readonly RelationshipEntry[];
export type Relationship = CodeOf<typeof RELATIONSHIPS>;

export function relationshipEntry(code: Relationship): RelationshipEntry {
  const entry: RelationshipEntry | undefined = RELATIONSHIPS.find((r) => r.code === code);
  if (!entry) throw new RangeError(`unknown relationship "${code}"`);
  return entry;
}

export const LABOUR_SKILLS = [
  { code: 'skilled', zh: '技能劳动力' },
  { code: 'ordinary', zh: '普通劳动力' },
  { code: 'weak', zh: '弱劳动力或半劳动力', aliases: ['弱劳动力', '半劳动力'] },
  { code: 'lost', zh: '丧失劳动力' },
  { code: 'none', zh: '无劳动力', aliases: ['无劳动能力'] },
] as const satisfies readonly CodeEntry[];
export type LabourSkill = CodeOf<typeof LABOUR_SKILLS>;

/** "劳动力" in the national rules (§1.7, 5_12_007): 技能, 普通, 弱或半劳动力. */
export const LABOUR_CAPABLE_SKILLS: readonly LabourSkill[] = ['skilled', 'ordinary', 'weak'];
/** Full labour for the 缺劳动力 share rule (§3.6): 普通 or 技能. */
export const FULL_LABOUR_SKILLS: readonly LabourSkill[] = ['skilled', 'ordinary'];

/** 健康状况 may combine values ("残疾,长期慢性病"); 健康 stands alone. */
export const HEALTH_CONDITIONS = [
  { code: 'healthy', zh: '健康' },
  { code: 'chronicIllness', zh: '长期慢性病' },
  { code: 'seriousIllness', zh: '患有大病', aliases: ['大病'] },
  { code: 'disabled', zh: '残疾' },
] as const satisfies readonly CodeEntry[];
export type HealthCondition = CodeOf<typeof HEALTH_CONDITIONS>;

/** `certDigit` is the digit a 残疾人证号 carries at position 19 (category) or 20 (grade). */
export const DISABILITY_CATEGORIES = [
  { code: 'visual', zh: '视力残疾', aliases: ['视力'], certDigit: '1' },
  { code: 'hearing', zh: '听力残疾', aliases: ['听力'], certDigit: '2' },
  { code: 'speech', zh: '言语残疾', aliases: ['言语'], certDigit: '3' },
  { code: 'physical', zh: '肢体残疾', aliases: ['肢体'], certDigit: '4' },
  { code: 'intellectual', zh: '智力残疾', aliases: ['智力'], certDigit: '5' },
  { code: 'mental', zh: '精神残疾', aliases: ['精神'], certDigit: '6' },
  { code: 'multiple', zh: '多重残疾', aliases: ['多重'], certDigit: '7' },
] as const satisfies readonly (CodeEntry & { certDigit: string })[];
export type DisabilityCategory = CodeOf<typeof DISABILITY_CATEGORIES>;

export const DISABILITY_GRADES = [
  { code: 'grade1', zh: '一级', aliases: ['1级'], certDigit: '1' },
  { code: 'grade2', zh: '二级', aliases: ['2级'], certDigit: '2' },
  { code: 'grade3', zh: '三级', aliases: ['3级'], certDigit: '3' },
  { code: 'grade4', zh: '四级', aliases: ['4级'], certDigit: '4' },
] as const satisfies readonly (CodeEntry & { certDigit: string })[];
export type DisabilityGrade = CodeOf<typeof DISABILITY_GRADES>;

/**
 * 重度残疾 as the seed's 单人保 clause uses it: grade 一级 or 二级, or grade 三级 for
 * intellectual or mental disability.
 */
export function isSevereDisability(category: DisabilityCategory | null, grade: DisabilityGrade | null): boolean {
  if (grade === 'grade1' || grade === 'grade2') return true;
  return grade === 'grade3' && (category === 'intellectual' || category === 'mental');
}

/** 文化程度: filled only for members not at school (§3.3). */
export const EDUCATION_LEVELS = [
  { code: 'illiterate', zh: '文盲或半文盲' },
  { code: 'primary', zh: '小学' },
  { code: 'juniorSecondary', zh: '初中' },
  { code: 'seniorSecondary', zh: '高中', aliases: ['高中及中专', '中专'] },
  { code: 'juniorCollege', zh: '大专' },
  { code: 'bachelorOrAbove', zh: '本科及以上' },
] as const satisfies readonly CodeEntry[];
export type EducationLevel = CodeOf<typeof EDUCATION_LEVELS>;

export type SchoolStage = 'preschool' | 'compulsory' | 'senior' | 'higher';

/** 在校生状况 (§3.3); `stage` tells compulsory education (义务教育) apart for dropout rules. */
export const SCHOOLING_STATUSES = [
  { code: 'preschoolChild', zh: '学龄前儿童', stage: 'preschool' },
  { code: 'preschoolEducation', zh: '学前教育', stage: 'preschool' },
  { code: 'primarySchool', zh: '小学', stage: 'compulsory' },
  { code: 'grade7', zh: '七年级', aliases: ['初一'], stage: 'compulsory' },
  { code: 'grade8', zh: '八年级', aliases: ['初二'], stage: 'compulsory' },
  { code: 'grade9', zh: '九年级', aliases: ['初三'], stage: 'compulsory' },
  { code: 'seniorHigh1', zh: '普通高中一年级', stage: 'senior' },
  { code: 'seniorHigh2', zh: '普通高中二年级', stage: 'senior' },
  { code: 'seniorHigh3', zh: '普通高中三年级', stage: 'senior' },
  { code: 'secondaryVocational1', zh: '中职一年级', stage: 'senior' },
  { code: 'secondaryVocational2', zh: '中职二年级', stage: 'senior' },
  { code: 'secondaryVocational3', zh: '中职三年级', stage: 'senior' },
  { code: 'higherVocational1', zh: '高职高专一年级', stage: 'higher' },
  { code: 'higherVocational2', zh: '高职高专二年级', stage: 'higher' },
  { code: 'higherVocational3', zh: '高职高专三年级', stage: 'higher' },
  { code: 'technicianCollege1', zh: '技师学院一年级', stage: 'higher' },
  { code: 'technicianCollege2', zh: '技师学院二年级', stage: 'higher' },
  { code: 'technicianCollege3', zh: '技师学院三年级', stage: 'higher' },
  { code: 'technicianCollege4', zh: '技师学院四年级', stage: 'higher' },
  { code: 'undergraduate1', zh: '本科一年级', stage: 'higher' },
  { code: 'undergraduate2', zh: '本科二年级', stage: 'higher' },
  { code: 'undergraduate3', zh: '本科三年级', stage: 'higher' },
  { code: 'undergraduate4', zh: '本科四年级', stage: 'higher' },
  { code: 'undergraduate5', zh: '本科五年级', stage: 'higher' },
  { code: 'postgraduate', zh: '硕士研究生及以上', stage: 'higher' },
] as const satisfies readonly (CodeEntry & { stage: SchoolStage })[];
export type SchoolingStatus = CodeOf<typeof SCHOOLING_STATUSES>;

/** 政治面貌, GB/T 4762 with the short labels the export uses first, full names as aliases. */
export const POLITICAL_STATUSES = [
  { code: 'partyMember', zh: '中共党员', aliases: ['中国共产党党员'] },
  { code: 'probationaryPartyMember', zh: '中共预备党员', aliases: ['中国共产党预备党员'] },
  { code: 'youthLeagueMember', zh: '共青团员', aliases: ['中国共产主义青年团团员'] },
  { code: 'revolutionaryCommittee', zh: '民革会员', aliases: ['中国国民党革命委员会会员'] },
  { code: 'democraticLeague', zh: '民盟盟员', aliases: ['中国民主同盟盟员'] },
  { code: 'nationalConstruction', zh: '民建会员', aliases: ['中国民主建国会会员'] },
  { code: 'democraticPromotion', zh: '民进会员', aliases: ['中国民主促进会会员'] },
  { code: 'peasantsWorkers', zh: '农工党党员', aliases: ['中国农工民主党党员'] },
  { code: 'zhiGong', zh: '致公党党员', aliases: ['中国致公党党员'] },
  { code: 'jiuSan', zh: '九三学社社员' },
  { code: 'taiwanLeague', zh: '台盟盟员', aliases: ['台湾民主自治同盟盟员'] },
  { code: 'nonPartisan', zh: '无党派人士', aliases: ['无党派民主人士'] },
  { code: 'masses', zh: '群众' },
] as const satisfies readonly CodeEntry[];
export type PoliticalStatus = CodeOf<typeof POLITICAL_STATUSES>;

export { ETHNICITIES, type Ethnicity } from './ethnicities.ts';

/** 危房等级 (§2 Housing): C is partial danger, D whole-building danger; both are 危房. */
export const HOUSING_GRADES = [
  { code: 'A', zh: 'A', aliases: ['A级'], unsafe: false },
  { code: 'B', zh: 'B', aliases: ['B级'], unsafe: false },
  { code: 'C', zh: 'C', aliases: ['C级'], unsafe: true },
  { code: 'D', zh: 'D', aliases: ['D级'], unsafe: true },
] as const satisfies readonly (CodeEntry & { unsafe: boolean })[];
export type HousingGrade = CodeOf<typeof HOUSING_GRADES>;

/**
 * 致贫/返贫风险, the §1.4 recommended enumeration. The national code values (table
 * 100A27) and their order were not found, so only our codes and labels are fixed here.
 */
export const RISK_TYPES = [
  { code: 'illness', zh: '因病' },
  { code: 'disability', zh: '因残' },
  { code: 'education', zh: '因学' },
  { code: 'naturalDisaster', zh: '因自然灾害', aliases: ['因灾'] },
  { code: 'accident', zh: '因意外事故' },
  { code: 'failedBusiness', zh: '因产业项目失败', aliases: ['因产业失败'] },
  { code: 'unstableEmployment', zh: '因务工就业不稳', aliases: ['务工就业不稳'] },
  { code: 'lackOfLabour', zh: '缺劳动力', aliases: ['因缺劳动力'] },
  { code: 'unsafeHousing', zh: '住房出现安全问题' },
  { code: 'schoolDropout', zh: '义务教育阶段失学辍学' },
  { code: 'unsafeWater', zh: '饮水安全问题' },
  { code: 'noMedicalInsurance', zh: '未参加基本医疗保险' },
  { code: 'other', zh: '其他' },
] as const satisfies readonly CodeEntry[];
export type RiskType = CodeOf<typeof RISK_TYPES>;

/** 因自然灾害子项, codes from a provincial system (§1.4); not confirmed as the national table. */
export const NATURAL_DISASTER_SUBTYPES = [
  { code: 'flood', zh: '洪涝', nationalCode: '0201' },
  { code: 'geological', zh: '地质', nationalCode: '0202' },
  { code: 'drought', zh: '旱灾', nationalCode: '0203' },
  { code: 'biological', zh: '生物', nationalCode: '0204' },
  { code: 'meteorological', zh: '气象', nationalCode: '0205' },
  { code: 'earthquake', zh: '地震', nationalCode: '0206' },
  { code: 'other', zh: '其他', nationalCode: '0299' },
] as const satisfies readonly (CodeEntry & { nationalCode: string })[];
export type NaturalDisasterSubtype = CodeOf<typeof NATURAL_DISASTER_SUBTYPES>;

// Labels never contain spaces, so every kind of whitespace (including the full-width
// U+3000 from Chinese input methods) is dropped; NFKC folds full-width letters.
function comparable(label: string): string {
  return label.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function labelOf<L extends readonly CodeEntry[]>(list: L, code: CodeOf<L>): string {
  const entry = list.find((e) => e.code === code);
  if (!entry) throw new RangeError(`unknown code "${code}"`);
  return entry.zh;
}

export function codeOfLabel<L extends readonly CodeEntry[]>(list: L, label: string): CodeOf<L> | undefined {
  const wanted = comparable(label);
  if (wanted === '') return undefined;
  const entry = list.find((e) => comparable(e.zh) === wanted || e.aliases?.some((a) => comparable(a) === wanted));
  return entry?.code as CodeOf<L> | undefined;
}

/** Splits a multi-value cell on , ， 、 and maps each part; duplicates collapse. */
export function codesOfLabels<L extends readonly CodeEntry[]>(
  list: L,
  text: string,
): { codes: CodeOf<L>[]; unknown: string[] } {
  const codes: CodeOf<L>[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,，、;；]/)) {
    if (comparable(part) === '') continue;
    const code = codeOfLabel(list, part);
    if (code === undefined) unknown.push(part.trim());
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unknown };
}

export function isCode<L extends readonly CodeEntry[]>(list: L, value: unknown): value is CodeOf<L> {
  return list.some((e) => e.code === value);
}
