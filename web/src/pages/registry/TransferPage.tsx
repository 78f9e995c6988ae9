import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { EXPORT_URL } from '#web/api/registry.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { useRegistryText } from './text.ts';

/** 导入导出: the household workbook in (registry:import) and out (registry:export). */
export default function TransferPage() {
  const { t } = useRegistryText();
  const { data: actor } = useActor();
  const canImport = hasPermission(actor, 'registry:import');
  const canExport = hasPermission(actor, 'registry:export');
  if (!canImport && !canExport) return <Alert type="info" showIcon title={t('noTransferPermission')} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {canImport && (
        <Card title={t('importTitle')}>
          <ImportPanel />
        </Card>
      )}
      {canExport && (
        <Card title={t('exportTitle')}>
          <Typography.Paragraph type="secondary">{t('exportHint')}</Typography.Paragraph>
          {/* A plain link: the browser streams the workbook with the session cookie. */}
          <Button icon={<DownloadOutlined />} href={EXPORT_URL} download>
            {t('exportButton')}
          </Button>
        </Card>
      )}
    </Space>
  );
}
