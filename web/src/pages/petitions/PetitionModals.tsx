import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { PETITION_CLOSURE_RESULTS, PETITION_STEP_ACTIONS } from '#common/domain/petitions/codes.ts';
import {
  addPetitionHousehold,
  addPetitionStep,
  closePetition,
  petitionKeys,
  raisePetitionClue,
  type PetitionDetail,
} from '#web/api/petitions.ts';
import { keys } from '#web/api/queryKeys.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { HouseholdPicker } from '../monitoring/HouseholdPicker.tsx';
import { RiskTypeChecks } from '../monitoring/RiskTypeChecks.tsx';
import { FormModal } from '../projects/FormModal.tsx';
import { day, options, useDone } from './petitionsShared.tsx';
import { usePetitionText } from './text.ts';

// The forms of an item's drawer: a handling step, the closure, a household concerned, a clue for one of them.

interface DatedChoiceProps {
  /** The form's names of the day, the choice and the note. */
  names: [string, string, string];
  labels: [string, string, string];
  options: readonly { code: string; zh: string }[];
  width: number;
}

/** A day and a choice side by side, a note under them (all required): a step's and the closure's fields. */
function DatedChoiceFields({ names: [date, choice, note], labels, options: list, width }: DatedChoiceProps) {
  const t = usePetitionText();
  const required = { required: true, message: t('required') };
  return (
    <>
      <Space wrap>
        <Form.Item name={date} label={labels[0]} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name={choice} label={labels[1]} rules={[required]}>
          <Select options={options(list)} style={{ width }} />
        </Form.Item>
      </Space>
      <Form.Item name={note} label={labels[2]} rules={[required]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}

interface ModalProps {
  event: PetitionDetail;
  onClose: () => void;
}

export function StepModal({ event, onClose }: ModalProps) {
  const t = usePetitionText();
  const done = useDone();
  const [form] = Form.useForm<{ stepOn: Dayjs; action: string; note: string }>();
  return (
    <FormModal<{ stepOn: Dayjs; action: string; note: string }, PetitionDetail>
      open
      onClose={onClose}
      title={t('addStep')}
      form={form}
      initialValues={{ stepOn: chinaToday(), action: 'verify' }}
      send={(v) => addPetitionStep(event.id, { stepOn: day(v.stepOn), action: v.action as 'verify', note: v.note })}
      onDone={done}
    >
      <DatedChoiceFields
        names={['stepOn', 'action', 'note']}
        labels={[t('stepOn'), t('action'), t('stepNote')]}
        options={PETITION_STEP_ACTIONS.filter((a) => a.code !== 'accept')}
        width={140}
      />
    </FormModal>
  );
}

export function CloseModal({ event, onClose }: ModalProps) {
  const t = usePetitionText();
  const done = useDone();
  type V = { closedOn: Dayjs; closureResult: string; closureNote: string };
  const [form] = Form.useForm<V>();
  return (
    <FormModal<V, PetitionDetail>
      open
      onClose={onClose}
      title={t('close')}
      form={form}
      initialValues={{ closedOn: chinaToday(), closureResult: 'resolved' }}
      send={(v) =>
        closePetition(event.id, {
          closedOn: day(v.closedOn),
          closureResult: v.closureResult as 'resolved',
          closureNote: v.closureNote,
        })
      }
      onDone={done}
    >
      <DatedChoiceFields
        names={['closedOn', 'closureResult', 'closureNote']}
        labels={[t('closedOn'), t('closureResult'), t('closureNote')]}
        options={PETITION_CLOSURE_RESULTS}
        width={160}
      />
    </FormModal>
  );
}

export function HouseholdModal({ event, onClose }: ModalProps) {
  const t = usePetitionText();
  const done = useDone();
  type V = { householdId: number; note?: string };
  const [form] = Form.useForm<V>();
  return (
    <FormModal<V, PetitionDetail>
      open
      onClose={onClose}
      title={t('addHousehold')}
      form={form}
      send={(v) => addPetitionHousehold(event.id, { householdId: v.householdId, note: v.note || null })}
      onDone={done}
    >
      <Form.Item name="householdId" label={t('household')} rules={[{ required: true, message: t('required') }]}>
        <HouseholdPicker />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

export function ClueModal({ event, householdId, onClose }: ModalProps & { householdId: number }) {
  const t = usePetitionText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ riskTypes: string[] }>();
  return (
    <FormModal<{ riskTypes: string[] }, { clueIds: number[] }>
      open
      onClose={onClose}
      title={t('raiseClueTitle')}
      form={form}
      okText={t('raiseClue')}
      send={(v) => raisePetitionClue(event.id, householdId, { riskTypes: v.riskTypes ?? [] })}
      onDone={async (r) => {
        message.success(t('clueRaised', { ids: r.clueIds.join('、') }));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: petitionKeys.all }),
          queryClient.invalidateQueries({ queryKey: keys.clues.all }),
        ]);
      }}
    >
      <Alert type="info" showIcon message={t('raiseClueHint')} style={{ marginBottom: 12 }} />
      <Form.Item name="riskTypes" label={t('riskTypes')} rules={[{ required: true, message: t('required') }]}>
        <RiskTypeChecks />
      </Form.Item>
    </FormModal>
  );
}
