import type { BilingualLabel } from '../../i18n/useI18n.ts';

// Words for what the server records; an unknown code is shown as it is rather than hidden.
export const AUDIT_ENTITY_LABELS: Record<string, BilingualLabel> = {
  user: { zh: '用户', en: 'User' },
  session: { zh: '登录会话', en: 'Session' },
  org_unit: { zh: '组织机构', en: 'Org unit' },
};

export const AUDIT_ACTION_LABELS: Record<string, BilingualLabel> = {
  create: { zh: '新建', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  'update.password-reset': { zh: '修改并重置密码', en: 'Update and reset password' },
  login: { zh: '登录', en: 'Log in' },
  logout: { zh: '退出登录', en: 'Log out' },
  'password.change': { zh: '修改密码', en: 'Change password' },
  seed: { zh: '载入初始数据', en: 'Load initial data' },
};

export const AUDIT_FIELD_LABELS: Record<string, BilingualLabel> = {
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  orgCode: { zh: '所属单位代码', en: 'Unit code' },
  phone: { zh: '手机号', en: 'Mobile' },
  active: { zh: '启用', en: 'Active' },
  units: { zh: '单位数', en: 'Units' },
};

export function labelOr(labels: Record<string, BilingualLabel>, code: string, language: string): string {
  const pair = labels[code];
  if (!pair) return code;
  return language === 'en' ? pair.en : pair.zh;
}
