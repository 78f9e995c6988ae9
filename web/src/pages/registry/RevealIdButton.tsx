import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { revealIdNumber } from '#web/api/registry.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import { useRegistryText } from './text.ts';

type Reveal = { status: 'loading' } | { status: 'shown'; idNumber: string } | { status: 'failed'; error: unknown };

/**
 * 查看 one full ID number. The server logs every reveal; the number lives only in this component's
 * state (not react-query's caches) and is dropped when the modal closes.
 */
export function RevealIdButton({
  householdId,
  personId,
  name,
}: {
  householdId: number;
  personId: number;
  name: string;
}) {
  const { t, language } = useRegistryText();
  const [reveal, setReveal] = useState<Reveal | null>(null);

  const open = () => {
    setReveal({ status: 'loading' });
    revealIdNumber(householdId, personId).then(
      ({ idNumber }) => setReveal((current) => (current ? { status: 'shown', idNumber } : null)),
      (error: unknown) => setReveal((current) => (current ? { status: 'failed', error } : null)),
    );
  };

  return (
    <>
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        onClick={(event) => {
          event.stopPropagation();
          open();
        }}
      >
        {t('reveal')}
      </Button>
      <Modal
        open={reveal !== null}
        width={420}
        title={`${t('revealTitle')} · ${name}`}
        footer={<Button onClick={() => setReveal(null)}>{t('close')}</Button>}
        onCancel={() => setReveal(null)}
        destroyOnHidden
      >
        {reveal?.status === 'failed' ? (
          <Alert type="error" showIcon title={errorMessage(reveal.error, language).message} />
        ) : (
          <Typography.Text
            data-testid="revealed-id"
            style={{ fontFamily: 'monospace', fontSize: 22, letterSpacing: 1, display: 'block', margin: '8px 0 16px' }}
          >
            {reveal?.status === 'shown' ? reveal.idNumber : '……'}
          </Typography.Text>
        )}
        <Alert type="warning" showIcon icon={<SafetyCertificateOutlined />} title={t('revealLogged')} />
      </Modal>
    </>
  );
}
