import { Typography } from 'antd';
import { useApplyText } from './applyText.ts';

/** 承诺授权书 in plain words; ticking “我已阅读并同意” online counts as the applicant's signature. */
const PARAGRAPHS = ['consent1', 'consent2', 'consent3', 'consent4'] as const;

export function ConsentText() {
  const tx = useApplyText();
  return (
    <div
      data-testid="consent-text"
      style={{
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        padding: '12px 14px',
      }}
    >
      <Typography.Title level={5} style={{ textAlign: 'center', marginTop: 0 }}>
        {tx('consentTitle')}
      </Typography.Title>
      {PARAGRAPHS.map((key) => (
        <Typography.Paragraph key={key} style={{ marginBottom: 8, fontSize: 15, lineHeight: 1.7 }}>
          {tx(key)}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
