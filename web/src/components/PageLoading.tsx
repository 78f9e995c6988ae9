import { Flex, Spin } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" description={t('app.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}
