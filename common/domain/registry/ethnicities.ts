// 民族: the 56 ethnic groups in GB 3304 order; `gbCode` is the two-digit national code
// (01 汉族 … 56 基诺族) other government systems exchange. The label without 族
// ("汉", "蒙古") is accepted on import because hand-filled sheets often drop it.

const ETHNIC_GROUPS = [
  ['han', '汉族'],
  ['mongol', '蒙古族'],
  ['hui', '回族'],
  ['tibetan', '藏族'],
  ['uyghur', '维吾尔族'],
  ['miao', '苗族'],
  ['yi', '彝族'],
  ['zhuang', '壮族'],
  ['bouyei', '布依族'],
  ['korean', '朝鲜族'],
  ['manchu', '满族'],
  ['dong', '侗族'],
  ['yao', '瑶族'],
  ['bai', '白族'],
  ['tujia', '土家族'],
  ['hani', '哈尼族'],
  ['kazakh', '哈萨克族'],
  ['dai', '傣族'],
  ['li', '黎族'],
  ['lisu', '傈僳族'],
  ['va', '佤族'],
  ['she', '畲族'],
  ['gaoshan', '高山族'],
  ['lahu', '拉祜族'],
  ['sui', '水族'],
  ['dongxiang', '东乡族'],
  ['naxi', '纳西族'],
  ['jingpo', '景颇族'],
  ['kyrgyz', '柯尔克孜族'],
  ['tu', '土族'],
  ['daur', '达斡尔族'],
  ['mulao', '仫佬族'],
  ['qiang', '羌族'],
  ['blang', '布朗族'],
  ['salar', '撒拉族'],
  ['maonan', '毛南族'],
  ['gelao', '仡佬族'],
  ['xibe', '锡伯族'],
  ['achang', '阿昌族'],
  ['pumi', '普米族'],
  ['tajik', '塔吉克族'],
  ['nu', '怒族'],
  ['uzbek', '乌孜别克族'],
  ['russian', '俄罗斯族'],
  ['evenki', '鄂温克族'],
  ['deang', '德昂族'],
  ['bonan', '保安族'],
  ['yugur', '裕固族'],
  ['gin', '京族'],
  ['tatar', '塔塔尔族'],
  ['derung', '独龙族'],
  ['oroqen', '鄂伦春族'],
  ['hezhen', '赫哲族'],
  ['monba', '门巴族'],
  ['lhoba', '珞巴族'],
  ['jino', '基诺族'],
] as const;

export type Ethnicity = (typeof ETHNIC_GROUPS)[number][0];

export const ETHNICITIES: readonly {
  readonly code: Ethnicity;
  readonly zh: string;
  readonly aliases: readonly string[];
  readonly gbCode: string;
}[] = ETHNIC_GROUPS.map(([code, zh], index) => ({
  code,
  zh,
  aliases: [zh.slice(0, -1)],
  gbCode: String(index + 1).padStart(2, '0'),
}));
