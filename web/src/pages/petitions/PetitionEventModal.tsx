import { DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  PETITION_EVENT_KINDS,
  PETITION_LEVELS,
  PETITION_LEVELS_NOTE,
  PETITION_SOURCES,
} from '#common/domain/petitions/codes.ts';
import { createPetition, type PetitionDetail } from '#web/api/petitions.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { RegistryOrgFilter } from '../registry/RegistryOrgFilter.tsx';
import { day, options, useDone } from './petitionsShared.tsx';
import { usePetitionText } from './text.ts';

interface EventValues {
  orgCode: string;
  kind: 'petition' | 'publicOpinion';
  source: string;
  level: string;
  receivedOn: Dayjs;
  deadlineOn?: Dayjs | null;
  title: string;
  summary: string;
  petitioner?: string;
  reference?: string;
}

const toRequest = (v: EventValues) => ({
  orgCode: v.orgCode,
  kind: v.kind,
  source: v.source as 'visit',
  level: v.level as 'ordinary',
  receivedOn: day(v.receivedOn),
  deadlineOn: v.deadlineOn ? day(v.deadlineOn) : null,
  title: v.title,
  summary: v.summary,
  petitioner: v.petitioner || null,
  reference: v.reference || null,
});

/** 登记事项: a new petition or public-opinion item; the drawer opens on it once saved. */
export function PetitionEventModal({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const t = usePetitionText();
  const done = useDone();
  const [form] = Form.useForm<EventValues>();
  const required = { required: true, message: t('required') };
  return (
    <FormModal<EventValues, PetitionDetail>
      open
      onClose={onClose}
      title={t('newEvent')}
      form={form}
      initialValues={{ kind: 'petition', source: 'visit', level: 'ordinary', receivedOn: chinaToday() }}
      send={(v) => createPetition(toRequest(v))}
      onDone={async (r) => {
        await done();
        onDone(r.id);
      }}
    >
      <Form.Item name="orgCode" label={t('village')} rules={[required]}>
        <RegistryOrgFilter />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('kind')} rules={[required]}>
          <Select options={options(PETITION_EVENT_KINDS)} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="source" label={t('source')} rules={[required]}>
          <Select options={options(PETITION_SOURCES)} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="level" label={t('level')} rules={[required]} tooltip={PETITION_LEVELS_NOTE}>
          <Select options={options(PETITION_LEVELS)} style={{ width: 100 }} />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={t('eventTitle')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="summary" label={t('summary')} rules={[required]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="receivedOn" label={t('receivedOn')} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="deadlineOn" label={t('deadlineOn')} extra={t('deadlineHint')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="petitioner" label={t('petitioner')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="reference" label={t('reference')}>
          <Input maxLength={60} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
