import { chinaToday } from '#web/components/chinaDay.ts';
import { Button, Card, DatePicker, Form, Input, Radio, Result, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { recordVisit } from '#web/api/monitoring.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import '#web/i18n/dayjsLocale.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import type { VisitPhoto } from './imageDownscale.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { riskLabel } from './labels.ts';
import { RiskTypesItem } from './RiskTypeChecks.tsx';
import { fill, useCommonText } from './text.ts';
import { useVisitText } from './visitText.ts';

interface Values {
  householdId: number;
  visitedOn: Dayjs;
  findings: string;
  riskFound: boolean;
  riskTypes: string[];
  photos: VisitPhoto[];
}

/** 走访排查 on a phone: one column, large controls, the result in plain words. */
export default function VisitPage() {
  const { language } = useI18n();
  const tx = useVisitText();
  const tc = useCommonText();
  const navigate = useNavigate();
  // From the cadre workspace: /visit?householdId=42 starts with that household chosen.
  const [search] = useSearchParams();
  const preselected = Number(search.get('householdId')) || undefined;
  const { data: actor } = useActor();
  const [form] = Form.useForm<Values>();
  const riskFound = Form.useWatch('riskFound', form);
  const [done, setDone] = useState<{ visitId: number; clueIds: number[]; risks: string[] } | null>(null);
  const required = { required: true, message: tc('required') };

  const { mutation, errorAlert } = useFormMutation(
    form,
    (v: Values) =>
      recordVisit({
        householdId: v.householdId,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        findings: v.findings,
        riskFound: v.riskFound,
        riskTypes: v.riskFound ? v.riskTypes : [],
        photos: v.photos ?? [],
      }),
    { onSuccess: (result, values) => setDone({ ...result, risks: values.riskFound ? values.riskTypes : [] }) },
  );

  if (done) {
    return (
      <Card style={{ maxWidth: 560, margin: '0 auto' }}>
        <Result
          status="success"
          title={tx('doneTitle')}
          subTitle={
            <div data-testid="visit-result">
              <div>{fill(tx('doneVisit'), { id: done.visitId })}</div>
              <div
                style={{
                  marginTop: 4,
                  fontSize: 16,
                  color: done.clueIds.length ? '#d46b08' : undefined,
                }}
              >
                {done.clueIds.length
                  ? fill(tx('doneClues'), {
                      n: done.clueIds.length,
                      risks: done.risks.map((code) => riskLabel(code, language)).join('、'),
                      ids: done.clueIds.map((id) => `#${id}`).join('、'),
                    })
                  : tx('doneNoClue')}
              </div>
            </div>
          }
          extra={[
            <Button
              key="again"
              type="primary"
              size="large"
              onClick={() => {
                form.resetFields();
                mutation.reset();
                setDone(null);
              }}
            >
              {tx('another')}
            </Button>,
            hasPermission(actor, 'clues:read') && (
              <Button key="clues" size="large" onClick={() => navigate('/monitoring/clues')}>
                {tx('toClues')}
              </Button>
            ),
          ]}
        />
      </Card>
    );
  }

  return (
    <Card title={tx('title')} style={{ maxWidth: 560, margin: '0 auto' }} styles={{ body: { padding: 16 } }}>
      <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
      {errorAlert}
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{
          householdId: preselected,
          visitedOn: chinaToday(),
          riskFound: false,
          riskTypes: [],
          photos: [],
        }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item name="householdId" label={tx('household')} extra={tc('householdSearchHint')} rules={[required]}>
          <HouseholdPicker size="large" />
        </Form.Item>
        <Form.Item name="visitedOn" label={tx('visitedOn')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
        </Form.Item>
        <Form.Item name="findings" label={tx('findings')} rules={[{ ...required, whitespace: true }, { min: 2 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={tx('findingsPlaceholder')} />
        </Form.Item>
        <Form.Item name="riskFound" label={tx('riskFound')} rules={[required]}>
          <Radio.Group buttonStyle="solid" optionType="button" style={{ display: 'flex' }}>
            <Radio.Button value={false} style={{ flex: 1, textAlign: 'center' }}>
              {tx('riskNo')}
            </Radio.Button>
            <Radio.Button value={true} style={{ flex: 1, textAlign: 'center' }}>
              {tx('riskYes')}
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        {riskFound && <RiskTypesItem label={tx('riskTypes')} />}
        <Form.Item name="photos" label={tx('photos')} extra={tx('photosHint')}>
          <PhotoInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          {tx('submit')}
        </Button>
      </Form>
    </Card>
  );
}
