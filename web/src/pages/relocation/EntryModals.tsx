import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CHOOSABLE_END_REASONS, END_REASONS, type EndReason } from '#common/contracts/relocation.ts';
import { correctRelocated, endRelocated, fetchSites, relocationKeys } from '#web/api/relocation.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { useRelocationText } from './text.ts';

// 结束 and 更正 of a relocated-household entry (end-dated, never deleted), from the list and the household section.

/** The entry acted on: its id, household, site and move-in day. */
export interface EntryRef {
  id: number;
  householdNo?: string;
  siteId: number;
  siteName: string;
  movedOn: string;
}

/** A reason code in the reader's language. */
export function useEndReasonLabel() {
  const { label } = useI18n();
  return (code: EndReason | null) => {
    const r = END_REASONS.find((x) => x.code === code);
    return r ? label(r) : '—';
  };
}

interface EndValues {
  endedOn: Dayjs;
  reason: (typeof CHOOSABLE_END_REASONS)[number];
  note?: string;
}

export function EndEntryModal({ entry, onClose }: { entry: EntryRef; onClose: () => void }) {
  const t = useRelocationText();
  const reasonLabel = useEndReasonLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EndValues>();
  const required = { required: true, message: t('required') };
  const moved = dayjs(entry.movedOn);
  return (
    <FormModal<EndValues, unknown>
      open
      onClose={onClose}
      title={t('endTitle')}
      form={form}
      okText={t('end')}
      initialValues={{ endedOn: chinaToday() }}
      send={(v) =>
        endRelocated(entry.id, { endedOn: v.endedOn.format('YYYY-MM-DD'), reason: v.reason, note: v.note || null })
      }
      onDone={async () => {
        message.success(t('endedOk'));
        await queryClient.invalidateQueries({ queryKey: relocationKeys.all });
      }}
    >
      <Typography.Paragraph type="secondary">{t('endHint')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="relocation-end-entry">
        {entry.householdNo ? `${entry.householdNo}：` : ''}
        {t('siteAt', { site: entry.siteName, date: entry.movedOn })}
      </Typography.Paragraph>
      <Form.Item name="reason" label={t('endReason')} rules={[required]}>
        <Select
          data-testid="relocation-end-reason"
          options={CHOOSABLE_END_REASONS.map((code) => ({ value: code, label: reasonLabel(code) }))}
        />
      </Form.Item>
      <Form.Item name="endedOn" label={t('endedOn')} rules={[required]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(chinaToday(), 'day') || d.isBefore(moved, 'day')}
        />
      </Form.Item>
      <Form.Item name="note" label={t('endNote')}>
        <Input maxLength={200} placeholder={t('endNoteHint')} />
      </Form.Item>
    </FormModal>
  );
}

interface CorrectValues {
  siteId: number;
  movedOn: Dayjs;
  note?: string;
}

export function CorrectEntryModal({ entry, onClose }: { entry: EntryRef; onClose: () => void }) {
  const t = useRelocationText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CorrectValues>();
  const sites = useQuery({
    queryKey: [...relocationKeys.sites(), 'all'],
    queryFn: () => fetchSites({ page: 1, pageSize: 200 }),
  });
  const required = { required: true, message: t('required') };
  return (
    <FormModal<CorrectValues, unknown>
      open
      onClose={onClose}
      title={t('correctTitle')}
      form={form}
      okText={t('correct')}
      initialValues={{ siteId: entry.siteId, movedOn: dayjs(entry.movedOn) }}
      send={(v) =>
        correctRelocated(entry.id, {
          siteId: v.siteId,
          movedOn: v.movedOn.format('YYYY-MM-DD'),
          note: v.note || null,
        })
      }
      onDone={async () => {
        message.success(t('correctedOk'));
        await queryClient.invalidateQueries({ queryKey: relocationKeys.all });
      }}
    >
      <Typography.Paragraph type="secondary">{t('correctHint')}</Typography.Paragraph>
      <Typography.Paragraph>
        {entry.householdNo ? `${entry.householdNo}：` : ''}
        {t('siteAt', { site: entry.siteName, date: entry.movedOn })}
      </Typography.Paragraph>
      <Form.Item name="siteId" label={t('site')} rules={[required]}>
        <Select
          data-testid="relocation-correct-site"
          loading={sites.isPending}
          options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="movedOn" label={t('movedOn')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
      </Form.Item>
      <Form.Item name="note" label={t('correctNote')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
