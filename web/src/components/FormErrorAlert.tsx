import { Alert } from 'antd';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from './errorMessage.ts';

/** A refused form: the reason, a pointer to the marked fields, the messages no input could show, the request id. */
export function FormErrorAlert({
  error,
  unplaced = [],
  testId = 'server-error',
}: {
  error: unknown;
  unplaced?: string[];
  testId?: string;
}) {
  const { t, language } = useI18n();
  if (!error) return null;
  const { message, requestId } = errorMessage(error, language);
  const placedSome = error instanceof ApiError && error.fields.length > unplaced.length;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      style={{ marginBottom: 16 }}
      title={message}
      description={
        placedSome || unplaced.length > 0 || requestId ? (
          <>
            {placedSome && <div>{t('common.seeMarkedFields')}</div>}
            {unplaced.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {unplaced.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )}
            {requestId && (
              <div style={{ fontSize: 12, opacity: 0.7 }}>
                {t('common.requestId')}: {requestId}
              </div>
            )}
          </>
        ) : undefined
      }
    />
  );
}
