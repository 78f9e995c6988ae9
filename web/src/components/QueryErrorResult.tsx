import { Button, Result } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from './errorMessage.ts';

/** A failed load, in words a township officer can act on, with the request id for the help desk. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, language } = useI18n();
  const { message, requestId } = errorMessage(error, language);
  return (
    <Result
      status="warning"
      title={message}
      subTitle={requestId ? `${t('common.requestId')}: ${requestId}` : undefined}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
