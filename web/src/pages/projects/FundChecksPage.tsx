import { InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { FundChecksCard } from './FundChecksCard.tsx';
import { useProjectsText } from './text.ts';

export default function FundChecksPage() {
  const t = useProjectsText();
  const [year, setYear] = useState(new Date().getFullYear());
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>{t('year')}</Typography.Text>
        <InputNumber min={2013} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Typography.Text type="secondary">{t('checksIntro')}</Typography.Text>
      </Space>
      <FundChecksCard year={year} />
    </Space>
  );
}
