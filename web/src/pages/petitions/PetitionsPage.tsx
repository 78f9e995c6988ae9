import { useQuery } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { fetchResolvedParams } from '#web/api/params.ts';
import { keys } from '#web/api/queryKeys.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { PetitionDrawer } from './PetitionDrawer.tsx';
import { PetitionEventModal } from './PetitionEventModal.tsx';
import { PetitionsList } from './PetitionsList.tsx';
import { useCanWrite } from './petitionsShared.tsx';
import { usePetitionText } from './text.ts';

/** 涉贫舆情信访登记: the register with the overdue list, an item's record, the households concerned and their clues. */
export default function PetitionsPage() {
  const t = usePetitionText();
  const canWrite = useCanWrite();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const period = chinaToday().format('YYYY-MM');
  const params = useQuery({ queryKey: keys.params.resolved(period), queryFn: () => fetchResolvedParams(period) });
  const handlingDays = params.data?.['petitions.handlingDays']?.value;
  return (
    <LedgerListCard
      title={t('title')}
      testId="petitions-page"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('newEvent')}
          </Button>
        )
      }
      intro={t('intro')}
    >
      {typeof handlingDays === 'number' && (
        <Typography.Paragraph type="secondary" data-testid="petition-deadline-note">
          {t('deadlineNote', { n: handlingDays })}
        </Typography.Paragraph>
      )}
      <PetitionsList onOpen={setOpenId} />
      {creating && <PetitionEventModal onClose={() => setCreating(false)} onDone={setOpenId} />}
      {openId !== null && <PetitionDrawer id={openId} canWrite={canWrite} onClose={() => setOpenId(null)} />}
    </LedgerListCard>
  );
}
