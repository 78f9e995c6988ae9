import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { createDecision, fetchSheet, keyVillageKeys } from '#web/api/key-villages.ts';
import { keys } from '#web/api/queryKeys.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { useMessages } from '#web/i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { KEY_VILLAGE_TEXT } from './keyVillagesText.ts';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

interface DecisionValues {
  year: number;
  docNo: string;
  decidedOn: Dayjs;
  keyVillages: string[];
  demoVillages: string[];
  note?: string;
}

export function DecisionModal({ year, onClose }: { year: number; onClose: () => void }) {
  const t = useMessages(KEY_VILLAGE_TEXT);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const [topN, setTopN] = useState(10);
  const [bottomN, setBottomN] = useState(2);
  const chosenYear = Form.useWatch('year', form) ?? year;
  // Every village of the county in rank order (a county has about 200; the page size limit is 200).
  const villages = useQuery({
    queryKey: keyVillageKeys.options(chosenYear),
    queryFn: () => fetchSheet({ year: chosenYear, page: 1, pageSize: 200, sort: 'rank', order: 'asc' }),
  });
  const rows = villages.data?.items ?? [];
  const ranked = rows.filter((r) => r.rank !== null);
  const options = rows.map((r) => ({
    value: r.orgCode,
    label: `${r.villageName}（${r.townshipName ?? ''}${r.rank ? `，第${r.rank}名` : ''}）`,
  }));
  return (
    <FormModal<DecisionValues, unknown>
      open
      onClose={onClose}
      title={t('decideTitle')}
      form={form}
      width={760}
      initialValues={{ year, decidedOn: chinaToday(), keyVillages: [], demoVillages: [] }}
      send={(v) =>
        createDecision({
          year: v.year,
          docNo: v.docNo,
          decidedOn: day(v.decidedOn),
          keyVillages: v.keyVillages,
          demoVillages: v.demoVillages ?? [],
          note: v.note?.trim() || undefined,
        })
      }
      onDone={async () => {
        message.success(t('decidedOk'));
        await queryClient.invalidateQueries({ queryKey: keyVillageKeys.all });
        await queryClient.invalidateQueries({ queryKey: keys.indicators.all });
        await queryClient.invalidateQueries({ queryKey: keys.residentTeams.all });
      }}
    >
      <Space wrap>
        <Form.Item name="year" label={t('year')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={2021} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="docNo" label={t('docNo')} rules={[{ required: true, message: t('required') }]}>
          <Input style={{ width: 220 }} maxLength={100} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('decidedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Space wrap style={{ marginBottom: 8 }}>
        {t('topN')}
        <InputNumber min={1} max={200} value={topN} onChange={(v) => setTopN(v ?? 1)} style={{ width: 80 }} />
        {t('villagesUnit')}
        <Button
          size="small"
          disabled={ranked.length === 0}
          onClick={() => form.setFieldsValue({ keyVillages: ranked.slice(0, topN).map((r) => r.orgCode) })}
        >
          {t('fillTop')}
        </Button>
      </Space>
      <Form.Item name="keyVillages" label={t('keyVillages')} rules={[{ required: true, message: t('required') }]}>
        <Select mode="multiple" options={options} optionFilterProp="label" loading={villages.isLoading} />
      </Form.Item>
      <Space wrap style={{ marginBottom: 8 }}>
        {t('bottomN')}
        <InputNumber min={1} max={50} value={bottomN} onChange={(v) => setBottomN(v ?? 1)} style={{ width: 80 }} />
        {t('villagesUnit')}
        <Button
          size="small"
          disabled={ranked.length === 0}
          onClick={() => form.setFieldsValue({ demoVillages: ranked.slice(-bottomN).map((r) => r.orgCode) })}
        >
          {t('fillBottom')}
        </Button>
      </Space>
      <Form.Item name="demoVillages" label={t('demoVillages')}>
        <Select mode="multiple" options={options} optionFilterProp="label" loading={villages.isLoading} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
