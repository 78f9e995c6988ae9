import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { ledgerUrl } from '#web/api/cases.ts';
import { useCasesText } from './text.ts';

export default function LedgersPage() {
  const t = useCasesText();
  return (
    <Card title={t('ledgersTitle')}>
      <Typography.Paragraph type="secondary">{t('ledgersIntro')}</Typography.Paragraph>
      <Space size="large" wrap>
        {(['monitored', 'eliminated'] as const).map((w) => (
          <Card
            key={w}
            size="small"
            title={t(w === 'monitored' ? 'monitoredLedger' : 'eliminatedLedger')}
            style={{ width: 300 }}
          >
            <a href={ledgerUrl(w)} download>
              <Button type="primary" icon={<DownloadOutlined />} data-testid={`ledger-${w}`}>
                {t('download')}
              </Button>
            </a>
          </Card>
        ))}
      </Space>
    </Card>
  );
}
