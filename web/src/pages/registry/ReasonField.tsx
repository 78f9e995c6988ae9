import { Form, Input } from 'antd';
import { useRegistryText } from './text.ts';

/** Every registry write records why (修改原因); the server refuses fewer than 2 characters. */
export function ReasonField({ name = 'reason' }: { name?: string }) {
  const { t } = useRegistryText();
  return (
    <Form.Item
      name={name}
      label={t('reason')}
      rules={[{ required: true, whitespace: true, min: 2, message: t('reasonRequired') }]}
    >
      <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('reasonPlaceholder')} />
    </Form.Item>
  );
}
