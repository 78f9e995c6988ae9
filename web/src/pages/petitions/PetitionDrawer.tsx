import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  PETITION_CLOSURE_RESULTS,
  PETITION_EVENT_KINDS,
  PETITION_LEVELS,
  PETITION_SOURCES,
  PETITION_STEP_ACTIONS,
  zhOf,
} from '#common/domain/petitions/codes.ts';
import { fetchPetition, petitionKeys, type PetitionDetail } from '#web/api/petitions.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { QueryState } from '#web/components/states.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { riskLabel } from '../monitoring/labels.ts';
import { ClueModal, CloseModal, HouseholdModal, StepModal } from './PetitionModals.tsx';
import { StatusTag } from './petitionsShared.tsx';
import { usePetitionText } from './text.ts';

type Modal = null | 'step' | 'close' | 'household' | { clueFor: number };
type Concerned = PetitionDetail['householdsConcerned'][number];

/** The item's facts: title, village, kind · source · level, summary, dates and, once closed, the result. */
function PetitionFacts({ p }: { p: PetitionDetail }) {
  const t = usePetitionText();
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('eventTitle')}>{p.title}</Descriptions.Item>
      <Descriptions.Item label={t('village')}>
        {p.townshipName} {p.villageName}
      </Descriptions.Item>
      <Descriptions.Item label={t('kind')}>
        {zhOf(PETITION_EVENT_KINDS, p.kind)} · {zhOf(PETITION_SOURCES, p.source)} · {zhOf(PETITION_LEVELS, p.level)}
      </Descriptions.Item>
      <Descriptions.Item label={t('summary')}>{p.summary}</Descriptions.Item>
      {p.petitioner && <Descriptions.Item label={t('petitioner')}>{p.petitioner}</Descriptions.Item>}
      {p.reference && <Descriptions.Item label={t('reference')}>{p.reference}</Descriptions.Item>}
      <Descriptions.Item label={t('receivedOn')}>{p.receivedOn}</Descriptions.Item>
      <Descriptions.Item label={t('deadlineOn')}>
        {p.deadlineOn} <StatusTag row={p} />
      </Descriptions.Item>
      {p.closedOn && (
        <Descriptions.Item label={t('closureResult')}>
          {p.closedOn} · {zhOf(PETITION_CLOSURE_RESULTS, p.closureResult)}：{p.closureNote}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 办理过程: the steps as a timeline. */
function PetitionSteps({ steps }: { steps: PetitionDetail['steps'] }) {
  return (
    <Timeline
      data-testid="petition-steps"
      items={steps.map((s) => ({
        color: s.action === 'accept' ? 'blue' : 'green',
        children: (
          <div>
            <Typography.Text strong>{zhOf(PETITION_STEP_ACTIONS, s.action)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {s.stepOn}
              {s.actorName ? ` · ${s.actorName}` : ''}
            </Typography.Text>
            <div>{s.note}</div>
          </div>
        ),
      }))}
    />
  );
}

function RiskCell({ h }: { h: Concerned }) {
  const t = usePetitionText();
  const { language } = useI18n();
  if (!h.atRisk) return <Typography.Text type="secondary">{t('noRisk')}</Typography.Text>;
  return (
    <span>
      {h.riskTypes.map((r) => (
        <Tag color="red" key={r}>
          {riskLabel(r, language)}
        </Tag>
      ))}
      <Typography.Text type="secondary">
        {t('clues')} {h.clueIds.join('、')}
      </Typography.Text>
    </span>
  );
}

/** 涉及农户: each household with its risk and clues, and 生成线索 for those who write. */
function ConcernedTable({
  p,
  canWrite,
  onClue,
}: {
  p: PetitionDetail;
  canWrite: boolean;
  onClue: (id: number) => void;
}) {
  const t = usePetitionText();
  const columns: TableColumnsType<Concerned> = [
    {
      title: t('headName'),
      dataIndex: 'headName',
      width: 110,
      render: (v: string | null, h) => <HouseholdLink id={h.householdId}>{v ?? h.householdNo}</HouseholdLink>,
    },
    { title: t('householdNo'), dataIndex: 'householdNo', width: 160 },
    { title: t('risk'), key: 'risk', width: 180, render: (_, h) => <RiskCell h={h} /> },
    {
      title: '',
      key: 'clue',
      width: 100,
      render: (_, h) =>
        canWrite && (
          <Button size="small" danger onClick={() => onClue(h.householdId)}>
            {t('raiseClue')}
          </Button>
        ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="petition-households"
      dataSource={p.householdsConcerned}
      locale={{ emptyText: t('empty') }}
      scroll={{ x: 560 }}
      columns={columns}
    />
  );
}

interface RecordProps {
  p: PetitionDetail;
  canWrite: boolean;
  modal: Modal;
  setModal: (m: Modal) => void;
}

function PetitionRecord({ p, canWrite, modal, setModal }: RecordProps) {
  const t = usePetitionText();
  const open = canWrite && !p.closedOn;
  const close = () => setModal(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="petition-detail">
      <PetitionFacts p={p} />
      <Typography.Title level={5}>{t('steps')}</Typography.Title>
      <PetitionSteps steps={p.steps} />
      {open && (
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => setModal('step')}>
            {t('addStep')}
          </Button>
          <Button type="primary" onClick={() => setModal('close')}>
            {t('close')}
          </Button>
        </Space>
      )}
      <Typography.Title level={5}>{t('households')}</Typography.Title>
      <ConcernedTable p={p} canWrite={canWrite} onClue={(id) => setModal({ clueFor: id })} />
      {open && (
        <Button icon={<PlusOutlined />} onClick={() => setModal('household')}>
          {t('addHousehold')}
        </Button>
      )}
      {modal === 'step' && <StepModal event={p} onClose={close} />}
      {modal === 'close' && <CloseModal event={p} onClose={close} />}
      {modal === 'household' && <HouseholdModal event={p} onClose={close} />}
      {modal !== null && typeof modal === 'object' && (
        <ClueModal event={p} householdId={modal.clueFor} onClose={close} />
      )}
    </Space>
  );
}

/** One item's record: facts, steps, the households concerned and their clues. */
export function PetitionDrawer({ id, canWrite, onClose }: { id: number; canWrite: boolean; onClose: () => void }) {
  const t = usePetitionText();
  const query = useQuery({ queryKey: petitionKeys.detail(id), queryFn: () => fetchPetition(id) });
  const [modal, setModal] = useState<Modal>(null);
  return (
    <Drawer open onClose={onClose} width="min(760px, 100vw)" title={t('title')} destroyOnHidden>
      <QueryState query={query}>
        {(p) => <PetitionRecord p={p} canWrite={canWrite} modal={modal} setModal={setModal} />}
      </QueryState>
    </Drawer>
  );
}
