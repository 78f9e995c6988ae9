import { Tag } from 'antd';
import { useRegistryText } from './text.ts';

/** 错误 (the national checker calls it an error: fix first) in red, 提示 in orange. */
export function SeverityTag({ severity }: { severity: string }) {
  const { t } = useRegistryText();
  return severity === 'error' ? (
    <Tag color="red">{t('severityError')}</Tag>
  ) : (
    <Tag color="orange">{t('severityWarning')}</Tag>
  );
}
