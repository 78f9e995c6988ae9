// Change actions of registry_change as the 待审核 export names them (the page's words: web changeDiff.ts).
export const CHANGE_ACTION_ZH: Record<string, string> = {
  create: '新增农户',
  update: '修改基本信息',
  members: '调整家庭成员',
  income: '收支情况',
  'move.out': '成员迁出',
  'move.in': '成员迁入',
  'split.out': '分户（分出成员）',
  'split.in': '分户（新立户）',
  'merge.out': '并户（并入他户）',
  'merge.in': '并户（他户并入）',
  import: '台账导入',
  importNational: '导入全国系统监测信息',
  identify: '识别认定纳入监测',
  reidentify: '重新识别纳入监测',
  eliminate: '风险消除',
};
