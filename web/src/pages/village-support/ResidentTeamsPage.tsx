import { Button } from 'antd';
import { useState } from 'react';
import { LedgerListCard } from '#web/components/LedgerListCard.tsx';
import { useVillageText } from './text.ts';
import { TeamDrawer } from './ResidentTeamDrawer.tsx';
import { TeamModal } from './ResidentTeamModal.tsx';
import { TeamsTab, VillagesTab } from './ResidentTeamsTabs.tsx';
import { useCanWrite } from './residentTeamsShared.tsx';

/** 驻村工作队 and 第一书记: teams by village, the villages the plan requires a team for, a team's record. */
export default function ResidentTeamsPage() {
  const t = useVillageText();
  const { canWrite } = useCanWrite();
  const [newTeam, setNewTeam] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <LedgerListCard
      title={t('teamsTitle')}
      testId="resident-teams-page"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setNewTeam(true)}>
            {t('newTeam')}
          </Button>
        )
      }
      intro={t('teamsIntro')}
      tabs={[
        { key: 'teams', label: t('tabTeams'), children: <TeamsTab onOpen={setOpenId} /> },
        { key: 'villages', label: t('tabVillages'), children: <VillagesTab onOpen={setOpenId} /> },
      ]}
    >
      {newTeam && <TeamModal onClose={() => setNewTeam(false)} onDone={(id) => setOpenId(id)} />}
      {openId !== null && <TeamDrawer id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />}
    </LedgerListCard>
  );
}
