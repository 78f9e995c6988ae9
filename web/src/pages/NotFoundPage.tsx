import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/useI18n.ts';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
