import { makeText, type Pair } from './text.ts';

export const PARAMS_TEXT = {
  title: ['政策参数', 'Policy parameters'],
  intro: [
    '监测预警和识别认定用到的标准和时限。每次修改都新增一个“生效版本”，旧版本保留，以前月份的监测仍按当时的值计算。',
    'Every change adds a version from a date; earlier months keep the values then in force.',
  ],
  param: ['参数', 'Parameter'],
  inForce: ['{period} 生效值', 'In force {period}'],
  scope: ['设置范围', 'Set by'],
  effectiveFrom: ['生效日期', 'Effective from'],
  source: ['依据', 'Source'],
  fallback: ['本年度未设置，沿用 {year} 年标准', 'No value for this year; using {year}'],
  notSet: ['未设置', 'Not set'],
  history: ['历史版本（{n}）', 'Versions ({n})'],
  actions: ['操作', 'Actions'],
  addVersion: ['新增生效版本', 'Add a version'],
  readOnly: [
    '您可以查看参数；修改须由县级管理员操作。',
    'You can view parameters; a county administrator changes them.',
  ],
  year: ['适用年度', 'Year'],
  yearHint: ['该参数按年度设置（如监测收入标准每年公布一次）', 'This parameter is set per year'],
  value: ['新的值', 'New value'],
  valueHintFen: ['以元为单位填写，最多两位小数', 'In yuan, up to 2 decimals'],
  valueHintRatio: ['以百分比填写，如 30 表示 30%', 'As a percentage, e.g. 30 for 30%'],
  valueHintWhole: ['填写整数', 'A whole number'],
  effectiveFromHint: ['从这一天起按新的值计算；之前的月份仍用旧值', 'New value applies from this day'],
  note: ['说明（文件依据）', 'Note (policy document)'],
  notePlaceholder: ['如：县乡村振兴局〔2025〕12号文件', 'e.g. the county notice number'],
  versionValue: ['值', 'Value'],
  createdBy: ['设置人', 'Set by'],
  createdAt: ['设置时间', 'Set at'],
  saved: ['已新增生效版本', 'Version added'],
  current: ['当前值：{value}', 'Now: {value}'],
} as const satisfies Record<string, Pair>;

export const useParamsText = makeText(PARAMS_TEXT);
