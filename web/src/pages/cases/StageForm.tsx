import { chinaToday } from '#web/components/chinaDay.ts';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { actOnCase, type CaseDetail } from '#web/api/cases.ts';
import { AttachmentUpload } from '#web/components/AttachmentUpload.tsx';
import { ConfirmAction } from '#web/components/ConfirmAction.tsx';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { allowedMonitoringTypes } from '#common/domain/cases/monitoring-type.ts';
import { STAGES } from '#common/domain/cases/workflow.ts';
import { RISK_OPTIONS, TYPE_OPTIONS, useCasesText } from './text.ts';
import { caseStageName } from '#web/i18n/workflowNames.ts';
import { keys } from '#web/api/queryKeys.ts';

// The form for the current stage, shown only to the role that acts at it. Dates are sent as ISO
// strings; the server validates each stage's record and answers field errors.

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function StageForm({ c }: { c: CaseDetail }) {
  const t = useCasesText();
  const { pick } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [attachmentIds, setAttachmentIds] = useState<number[]>([]);
  const [uploadKey, setUploadKey] = useState(0);

  // A refusal naming stage fields is marked on the stage form (the ConfirmAction closes, no success toast);
  // any other goes back to the ConfirmAction (its opinion field, or its toast).
  const { trySend: send, errorAlert } = useFormMutation(form, {
    mutationFn: (body: Parameters<typeof actOnCase>[1]) => actOnCase(c.id, body),
    onSuccess: async (next) => {
      // A read of the case started before this action must not land after it with the old stage.
      await qc.cancelQueries({ queryKey: keys.cases.detail(c.id) });
      qc.setQueryData(keys.cases.detail(c.id), next);
      void qc.invalidateQueries({ queryKey: keys.cases.all });
      form.resetFields();
      setAttachmentIds([]);
      setUploadKey((k) => k + 1);
    },
  });

  const stage = c.stage;
  const noticeToStart = c.allowedActions.includes('startNotice');

  function fieldsOf(v: Record<string, unknown>): Record<string, unknown> {
    switch (stage) {
      case 'verification':
        return {
          findings: v.findings,
          riskTypes: c.kind === 'identification' ? v.riskTypes : undefined,
          rigidSpendingResolved: c.kind === 'elimination' ? Boolean(v.rigidSpendingResolved) : undefined,
          consent: v.consentSigner
            ? {
                signed: true,
                signer: v.consentSigner,
                signedOn: iso(v.consentDate as Dayjs),
                method: v.consentMethod ?? 'signature',
              }
            : undefined,
        };
      case 'comparison':
        return { monitoringType: v.monitoringType, exclusionReason: v.exclusionReason || undefined };
      case 'villageReview':
        return {
          meetingOn: iso(v.meetingOn as Dayjs),
          attendance: v.attendance,
          agreed: v.agreed === true,
          result: v.result,
        };
      case 'publicNotice':
        if (noticeToStart) return { startedOn: iso(v.startedOn as Dayjs) };
        return {
          objections: (
            (v.objections as { receivedOn: Dayjs; content: string; handling: string }[] | undefined) ?? []
          ).map((o) => ({ ...o, receivedOn: iso(o.receivedOn) })),
        };
      case 'townshipReview':
        return { opinion: v.opinion };
      case 'countyApproval':
        return { opinion: v.opinion, monitoringType: v.monitoringType || undefined };
      case 'announcement':
        return { announcedOn: iso(v.announcedOn as Dayjs) };
      default:
        return {};
    }
  }

  // 审核/审定 carry the opinion in the stage record (required); other stages may add one, kept on the step.
  const opinionInRecord = stage === 'townshipReview' || stage === 'countyApproval';
  const stages = STAGES[c.kind];
  const next = stages[stages.indexOf(stage) + 1];
  const complete = (opinion: string) =>
    send({
      action: noticeToStart ? 'startNotice' : 'complete',
      version: c.version,
      fields: opinionInRecord
        ? { ...fieldsOf(form.getFieldsValue() as Record<string, unknown>), opinion }
        : fieldsOf(form.getFieldsValue() as Record<string, unknown>),
      reason: opinionInRecord || noticeToStart ? undefined : opinion || undefined,
      attachmentIds,
    });
  const valid = () =>
    form.validateFields().then(
      () => true,
      () => false,
    );
  const stageName = caseStageName(stage);
  const nextName = caseStageName(next);

  // Only the types the household's 户类型 allows (§1.2): 脱贫户 → 脱贫不稳定户/突发严重困难户, 一般农户 → 边缘易致贫户/突发严重困难户.
  const allowedTypes: readonly string[] = allowedMonitoringTypes(c.household.kind);
  const typeOptions = TYPE_OPTIONS.filter((o) => allowedTypes.includes(o.value));
  const fits = (type: string | null | undefined) => (type && allowedTypes.includes(type) ? type : undefined);
  const suggestion = (c.data.comparison as { evidence?: { suggestion?: { type?: string } } } | undefined)?.evidence
    ?.suggestion?.type;
  const initial = {
    riskTypes: c.riskTypes,
    consentDate: chinaToday(),
    consentMethod: 'fingerprint',
    meetingOn: chinaToday(),
    startedOn: chinaToday(),
    announcedOn: chinaToday(),
    agreed: true,
    monitoringType: fits(c.monitoringType) ?? fits(suggestion),
    rigidSpendingResolved: false,
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} data-testid="stage-form">
      {errorAlert}
      {stage === 'verification' && (
        <>
          <Form.Item name="findings" label={t('findings')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {c.kind === 'identification' && (
            <>
              <Form.Item name="riskTypes" label={t('riskTypes')} rules={[{ required: true }]}>
                <Select mode="multiple" maxCount={5} options={RISK_OPTIONS} />
              </Form.Item>
              {c.clue?.consentSigned ? (
                <Alert type="success" showIcon title={t('consentOnClue')} style={{ marginBottom: 16 }} />
              ) : (
                <Space wrap>
                  <Form.Item
                    name="consentSigner"
                    label={`${t('consent')} · ${t('consentSigner')}`}
                    rules={[{ required: true }]}
                  >
                    <Input style={{ width: 160 }} maxLength={40} />
                  </Form.Item>
                  <Form.Item name="consentDate" label={t('consentDate')}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="consentMethod" label={t('consentMethod')}>
                    <Radio.Group
                      options={[
                        { value: 'signature', label: t('signature') },
                        { value: 'fingerprint', label: t('fingerprint') },
                      ]}
                    />
                  </Form.Item>
                </Space>
              )}
            </>
          )}
          {c.kind === 'elimination' && (
            <Form.Item name="rigidSpendingResolved" label={t('rigidSpending')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </>
      )}
      {stage === 'comparison' && (
        <>
          <Form.Item name="monitoringType" label={t('monitoringType')} rules={[{ required: true }]}>
            <Select options={typeOptions} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name="exclusionReason" label={t('exclusionReason')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
      {stage === 'villageReview' && (
        <Space wrap align="start">
          <Form.Item name="meetingOn" label={t('meetingOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="attendance" label={t('attendance')} rules={[{ required: true }]}>
            <InputNumber min={1} max={2000} />
          </Form.Item>
          <Form.Item name="agreed" label={t('agreed')} valuePropName="checked">
            <Checkbox>{t('agreed')}</Checkbox>
          </Form.Item>
          <Form.Item name="result" label={t('result')} rules={[{ required: true, min: 2 }]} style={{ minWidth: 360 }}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Space>
      )}
      {stage === 'publicNotice' && noticeToStart && (
        <Form.Item name="startedOn" label={t('noticeStartedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      )}
      {stage === 'publicNotice' && !noticeToStart && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('noticeWait', { from: c.noticeStartedOn ?? '', to: c.noticeEndsOn ?? '', days: c.noticeDays })}
          />
          <Typography.Text strong>{t('objections')}</Typography.Text>
          <Form.List name="objections">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'receivedOn']} label={t('objectionOn')} rules={[{ required: true }]}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'content']}
                      label={t('objectionContent')}
                      rules={[{ required: true, min: 2 }]}
                    >
                      <Input style={{ width: 260 }} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'handling']}
                      label={t('objectionHandling')}
                      rules={[{ required: true, min: 2 }]}
                    >
                      <Input style={{ width: 260 }} />
                    </Form.Item>
                    <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ receivedOn: chinaToday() })}>
                    {t('addObjection')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
        </>
      )}
      {stage === 'countyApproval' && c.kind === 'identification' && (
        <Form.Item name="monitoringType" label={t('monitoringType')}>
          <Select options={typeOptions} style={{ maxWidth: 240 }} />
        </Form.Item>
      )}
      {stage === 'announcement' && (
        <Form.Item name="announcedOn" label={t('announcedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      )}
      <Form.Item label={t('attachments')}>
        <AttachmentUpload
          key={uploadKey}
          ownerKind="caseStep"
          orgCode={c.villageCode}
          onChange={(ids) => setAttachmentIds(ids)}
        />
      </Form.Item>
      <Space wrap>
        <ConfirmAction
          testId="stage-submit"
          label={noticeToStart ? t('startNotice') : t('complete')}
          title={
            noticeToStart
              ? t('confirmStartNotice')
              : next === 'done'
                ? t('confirmFinish', { stage: stageName })
                : t('confirmComplete', { stage: stageName, next: nextName })
          }
          opinion={noticeToStart ? 'none' : opinionInRecord ? 'required' : 'optional'}
          opinionField={opinionInRecord ? 'opinion' : 'reason'}
          opinionLabel={opinionInRecord ? t('opinion') : t('stepOpinion')}
          success={
            noticeToStart
              ? t('toastNotice')
              : next === 'done'
                ? t('toastFinished', { stage: stageName })
                : t('toastNext', { next: nextName })
          }
          beforeOpen={valid}
          onConfirm={complete}
          disabledReason={
            !noticeToStart && c.completeBlocked
              ? c.completeBlocked.opensOn
                ? t('completeOpens', { date: c.completeBlocked.opensOn })
                : pick(c.completeBlocked.messageZh, c.completeBlocked.messageEn)
              : undefined
          }
          buttonProps={{ type: 'primary' }}
        />
        <Divider orientation="vertical" />
        {c.allowedActions.includes('reject') && (
          <ConfirmAction
            testId="stage-reject"
            label={t('reject')}
            title={t('confirmReject')}
            opinion="required"
            opinionField="reason"
            opinionLabel={t('rejectReason')}
            success={t('toastReject')}
            onConfirm={(reason) => send({ action: 'reject', version: c.version, reason, attachmentIds })}
            buttonProps={{ danger: true }}
          />
        )}
        <ConfirmAction
          testId="stage-close"
          label={t('close')}
          title={t('confirmClose')}
          opinion="required"
          opinionField="reason"
          opinionLabel={t('closeReason')}
          success={t('toastClose')}
          onConfirm={(reason) => send({ action: 'close', version: c.version, reason, attachmentIds })}
          buttonProps={{ danger: true, type: 'dashed' }}
        />
      </Space>
    </Form>
  );
}
