import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';

/** The receipt number, large, with what happens next (no promised number of days). */
export function ApplyReceipt({ receipt, onAgain }: { receipt: string; onAgain: () => void }) {
  return (
    <Card style={{ textAlign: 'center' }} data-testid="apply-receipt">
      <CheckCircleFilled style={{ fontSize: 56, color: '#52c41a' }} />
      <Typography.Title level={3} style={{ marginTop: 12 }}>
        申请已提交
      </Typography.Title>
      <Typography.Text type="secondary">您的回执号</Typography.Text>
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
          copyable={{ text: receipt, tooltips: ['复制', '已复制'] }}
          style={{ fontSize: 34, color: 'inherit' }}
        >
          {receipt}
        </Typography.Text>
      </div>
      <Typography.Paragraph strong style={{ fontSize: 16, color: '#d46b08' }}>
        请保存回执号（可以截图或抄下来）
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
        <Typography.Text strong>接下来会怎样</Typography.Text>
        <ol
          style={{
            paddingInlineStart: 20,
            margin: '8px 0 0',
            lineHeight: 1.8,
            fontSize: 15,
          }}
        >
          <li>村干部将尽快入户核实，了解家里的实际困难。</li>
          <li>符合条件的，经村里评议、公示后纳入监测，并落实帮扶措施。</li>
          <li>有疑问的，请带上回执号到村委会咨询，或拨打 12317 热线。</li>
        </ol>
      </div>
      <Button style={{ marginTop: 16 }} onClick={onAgain}>
        返回申请页
      </Button>
    </Card>
  );
}
