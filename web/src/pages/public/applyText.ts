import { useCallback } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';

// The public application form's words in both languages (issue 16 point 4: English mode translates /apply).
export const APPLY_TEXT = {
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
} as const satisfies Record<string, readonly [string, string]>;

export function useApplyText() {
  const { language } = useI18n();
  return useCallback((key: keyof typeof APPLY_TEXT) => APPLY_TEXT[key][language === 'en' ? 1 : 0], [language]);
}
