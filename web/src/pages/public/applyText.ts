import { defineMessages, useMessages } from '#web/i18n/useI18n.ts';

// The public application form's words in both languages (issue 16 point 4: English mode translates /apply).
export const APPLY_TEXT = defineMessages({
  title: ['防返贫监测 · 农户申请', 'Preventing a return to poverty · Apply for help'],
  intro: [
    '家里遇到生病、受灾、失业等困难，担心生活过不去的，可以在这里申请，村干部会上门了解情况。',
    'If illness, a disaster, losing work or another hardship makes you worry how your family will get by, apply here; a village officer will visit you.',
  ],
  village: ['您家所在的村', 'Your village'],
  villageRequired: ['请选择乡镇和村', 'Choose the township and village'],
  name: ['申请人姓名', 'Applicant’s name'],
  nameRequired: ['请填写姓名', 'Enter your name'],
  nameFull: ['请填写完整姓名', 'Enter your full name'],
  idNumber: ['身份证号', 'ID card number'],
  idExtra: ['18位，最后一位可能是 X', '18 characters; the last one may be X'],
  idRequired: ['请填写身份证号', 'Enter your ID card number'],
  phone: ['手机号', 'Mobile number'],
  phoneRequired: ['请填写手机号', 'Enter your mobile number'],
  phoneFormat: ['请填写11位手机号', 'An 11-digit mobile number'],
  risks: ['家里遇到了什么困难（可多选）', 'What hardship has your family met (choose any)'],
  risksRequired: ['请至少选择一项困难', 'Choose at least one'],
  reason: ['请简单说说情况', 'Tell us briefly what happened'],
  reasonRequired: ['请说明家里遇到的困难', 'Describe the hardship'],
  reasonMin: ['请至少写5个字', 'Write at least 5 characters'],
  reasonPlaceholder: [
    '例如：今年3月我爱人住院做手术，自己花了两万多元，家里没有别的收入',
    'E.g. in March my wife had an operation; we paid over 20,000 yuan ourselves and have no other income',
  ],
  agreeRequired: ['请先阅读承诺授权书并勾选同意', 'Read the consent and tick to agree'],
  agree: ['我已阅读并同意《承诺授权书》', 'I have read and agree to the consent and authorisation'],
  submit: ['提交申请', 'Submit'],
  // 承诺授权书 (ConsentText)
  consentTitle: ['承诺授权书', 'Undertaking and authorisation'],
  consent1: [
    '本人自愿申请防返贫监测帮扶，并作如下承诺和授权：',
    'I apply of my own free will for monitoring and assistance, and undertake and authorise as follows:',
  ],
  consent2: [
    '一、本人填写的家庭情况和遇到的困难都是真实的。如有隐瞒或虚报，本人愿意承担相应责任。',
    '1. What I have written about my family and our hardship is true. If I have hidden or overstated anything, I accept the consequences.',
  ],
  consent3: [
    '二、本人同意县、乡镇、村和有关部门为监测帮扶的需要，核查本人及共同生活的家庭成员的收入、财产（如存款、房屋、车辆、开办企业），以及看病、上学、就业、社保等情况。核查结果只用于防返贫监测和帮扶。',
    '2. I agree that the county, township, village and the departments concerned may check, for monitoring and assistance, the income and property (savings, housing, vehicles, businesses) of me and the family members living with me, and our medical care, schooling, work and social insurance. The results are used only for monitoring and assistance.',
  ],
  consent4: [
    '三、本人在网上勾选“我已阅读并同意”，与在纸质承诺授权书上签字具有同等效力。',
    '3. Ticking “I have read and agree” online has the same effect as signing the paper form.',
  ],
  // 回执 (ApplyReceipt)
  receiptTitle: ['申请已提交', 'Application submitted'],
  receiptLabel: ['您的回执号', 'Your receipt number'],
  copy: ['复制', 'Copy'],
  copied: ['已复制', 'Copied'],
  keepReceipt: ['请保存回执号（可以截图或抄下来）', 'Keep the receipt number (take a screenshot or write it down)'],
  nextTitle: ['接下来会怎样', 'What happens next'],
  next1: [
    '村干部将尽快入户核实，了解家里的实际困难。',
    'A village officer will visit you soon to learn about your hardship.',
  ],
  next2: [
    '符合条件的，经村里评议、公示后纳入监测，并落实帮扶措施。',
    'If your family qualifies, after the village appraisal and public notice it is monitored and given assistance.',
  ],
  next3: [
    '有疑问的，请带上回执号到村委会咨询，或拨打 12317 热线。',
    'Questions: bring the receipt number to the village committee, or call the 12317 hotline.',
  ],
  again: ['返回申请页', 'Back to the application'],
  // 查询办理进度 (ApplicationStatusCard)
  statusTitle: ['查询办理进度', 'Check progress'],
  receipt: ['回执号', 'Receipt number'],
  receiptRequired: ['请填写回执号', 'Enter the receipt number'],
  receiptPlaceholder: ['如 SQ00000123', 'E.g. SQ00000123'],
  applicantId: ['申请人身份证号', 'Applicant’s ID card number'],
  applicantIdRequired: ['请填写申请时的身份证号', 'Enter the ID number used to apply'],
  check: ['查询', 'Check'],
  appliedOn: ['{d} 提交的申请', 'Applied on {d}'],
  noticeEnds: ['；公示至 {d}', '; public notice until {d}'],
  // 选择村 (VillageSelect)
  township: ['乡镇', 'Township'],
  villageLabel: ['村', 'Village'],
  chooseTownship: ['先选择乡镇', 'Choose the township first'],
  chooseVillage: ['再选择村', 'Then choose the village'],
  townshipFirst: ['请先选择乡镇', 'Choose the township first'],
  villagesFailed: ['村名单加载失败，点此重试', 'The village list failed to load: retry'],
});

export function useApplyText() {
  return useMessages(APPLY_TEXT);
}
