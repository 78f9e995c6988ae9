import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useApplyText } from './applyText.ts';

/** The receipt number, large, with what happens next (no promised number of days). */
export function ApplyReceipt({ receipt, onAgain }: { receipt: string; onAgain: () => void }) {
  const tx = useApplyText();
  return (
    <Card style={{ textAlign: 'center' }} data-testid="apply-receipt">
      <CheckCircleFilled style={{ fontSize: 56, color: '#52c41a' }} />
      <Typography.Title level={3} style={{ marginTop: 12 }}>
        {tx('receiptTitle')}
      </Typography.Title>
      <Typography.Text type="secondary">{tx('receiptLabel')}</Typography.Text>
      <div
        data-testid="receipt-number"
        style={{
          fontSize: 34,
          fontWeight: 700,
          letterSpacing: 2,
          fontFamily: 'monospace',
          margin: '4px 0 8px',
          color: '#1677ff',
        }}
      >
        <Typography.Text
          copyable={{ text: receipt, tooltips: [tx('copy'), tx('copied')] }}
          style={{ fontSize: 34, color: 'inherit' }}
        >
          {receipt}
        </Typography.Text>
      </div>
      <Typography.Paragraph strong style={{ fontSize: 16, color: '#d46b08' }}>
        {tx('keepReceipt')}
      </Typography.Paragraph>
      <div
        style={{
          textAlign: 'left',
          background: '#f6ffed',
          border: '1px solid #b7eb8f',
          borderRadius: 6,
          padding: '12px 14px',
        }}
      >
        <Typography.Text strong>{tx('nextTitle')}</Typography.Text>
        <ol
          style={{
            paddingInlineStart: 20,
            margin: '8px 0 0',
            lineHeight: 1.8,
            fontSize: 15,
          }}
        >
          <li>{tx('next1')}</li>
          <li>{tx('next2')}</li>
          <li>{tx('next3')}</li>
        </ol>
      </div>
      <Button style={{ marginTop: 16 }} onClick={onAgain}>
        {tx('again')}
      </Button>
    </Card>
  );
}
