import { Alert } from 'antd';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useRegistryText } from './text.ts';

/** The refusal in words, where to look for the marked fields, and the messages no input could show. */
export function ServerErrorAlert({ error, unplaced }: { error: unknown; unplaced: string[] }) {
  const { t: common, language } = useI18n();
  const { t } = useRegistryText();
  if (!error) return null;
  const { message, requestId } = errorMessage(error, language);
  const placedSome = error instanceof ApiError && error.fields.length > unplaced.length;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="server-error"
      style={{ marginBottom: 16 }}
      title={message}
      description={
        <>
          {placedSome && <div>{t('seeMarkedFields')}</div>}
          {unplaced.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {unplaced.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
          {requestId && (
            <div style={{ fontSize: 12, opacity: 0.7 }}>
              {common('common.requestId')}: {requestId}
            </div>
          )}
        </>
      }
    />
  );
}
