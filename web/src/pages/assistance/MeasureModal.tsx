import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { assistanceKeys, createMeasure, fetchSubtypes, updateMeasure, type MeasureRow } from '#web/api/assistance.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { AttachmentUpload } from '#web/components/AttachmentUpload.tsx';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { useState } from 'react';
import { MEASURE_CATEGORIES, MEASURE_STATUSES, riskZh, useText } from './text.ts';

interface Values {
  riskType: string;
  category: string;
  subType: string | null;
  department: string;
  startOn: Dayjs;
  endOn: Dayjs | null;
  amountYuan: number;
  status: string;
  evidence: string;
  note: string | null;
}

export interface MeasurePreset {
  riskType?: string | null;
  category?: string;
}

/** Records or edits one measure; a recommendation only pre-fills the form, the person saves it. */
export function MeasureModal(props: {
  householdId: number;
  risks: string[];
  open: boolean;
  onClose: () => void;
  editing?: MeasureRow | null;
  preset?: MeasurePreset | null;
}) {
  const t = useText();
  const [form] = Form.useForm<Values>();
  const { data: actor } = useActor();
  const [attachmentIds, setAttachmentIds] = useState<number[]>([]);
  const category = Form.useWatch('category', form);
  const subtypes = useQuery({ queryKey: assistanceKeys.subtypes, queryFn: fetchSubtypes, enabled: props.open });
  const required = { required: true, message: t('required') };

  const m = props.editing;
  // The modal is destroyed when hidden, so the form starts from these values on every opening.
  const initialValues: Partial<Values> = m
    ? {
        riskType: m.riskType,
        category: m.category,
        subType: m.subType,
        department: m.department ?? '',
        startOn: dayjs(m.startOn),
        endOn: m.endOn ? dayjs(m.endOn) : null,
        amountYuan: m.amountFen / 100,
        status: m.status,
        evidence: m.evidence.map((e) => e.name).join('\n'),
        note: m.note,
      }
    : {
        riskType: props.preset?.riskType ?? props.risks[0],
        category: props.preset?.category,
        subType: null,
        startOn: dayjs(),
        endOn: null,
        amountYuan: 0,
        status: 'ongoing',
        evidence: '',
        note: null,
      };

  const { mutation, errorAlert } = useFormMutation(form, {
    mutationFn: (v: Values) => {
      const body = {
        riskType: v.riskType,
        category: v.category as MeasureRow['category'] & never,
        subType: v.subType ?? null,
        department: v.department,
        startOn: v.startOn.format('YYYY-MM-DD'),
        endOn: v.endOn ? v.endOn.format('YYYY-MM-DD') : null,
        amountFen: Math.round((v.amountYuan ?? 0) * 100),
        status: v.status as 'ongoing',
        evidence: (v.evidence ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((name) => ({ name })),
        note: v.note || null,
        attachmentIds,
      };
      return props.editing
        ? updateMeasure(props.editing.id, { ...body, version: props.editing.version })
        : createMeasure({ ...body, householdId: props.householdId });
    },
    invalidate: [assistanceKeys.all],
    onSuccess: () => props.onClose(),
  });

  const riskOptions = (
    props.risks.length
      ? props.risks
      : [
          'illness',
          'disability',
          'education',
          'naturalDisaster',
          'accident',
          'failedBusiness',
          'unstableEmployment',
          'lackOfLabour',
          'unsafeHousing',
          'schoolDropout',
          'unsafeWater',
          'noMedicalInsurance',
          'other',
        ]
  ).map((r) => ({ value: r, label: riskZh(r) }));
  const subOptions = (subtypes.data ?? [])
    .filter((s) => s.category === category && s.active)
    .map((s) => ({ value: s.code, label: s.labelZh }));

  return (
    <Modal
      open={props.open}
      title={props.editing ? t('editMeasure') : t('addMeasure')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={mutation.isPending}
      width={640}
      destroyOnHidden
    >
      {errorAlert}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => mutation.mutate(v)}
        data-testid="measure-form"
      >
        <Form.Item name="riskType" label={t('riskType')} rules={[required]}>
          <Select options={riskOptions} />
        </Form.Item>
        <Form.Item name="category" label={t('category')} rules={[required]}>
          <Select
            options={MEASURE_CATEGORIES.map((c) => ({ value: c.code, label: c.zh }))}
            onChange={() => form.setFieldValue('subType', null)}
            placeholder={t('choose')}
          />
        </Form.Item>
        <Form.Item name="subType" label={t('subType')}>
          <Select allowClear options={subOptions} placeholder={t('choose')} />
        </Form.Item>
        <Form.Item name="department" label={t('department')} rules={[required]}>
          <Input placeholder="如：县人社局、县医保局、龙港镇政府" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="startOn" label={t('startOn')} rules={[required]} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="endOn" label={t('endOn')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="amountYuan" label={t('amount')} style={{ flex: 1 }}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="status" label={t('measureStatus')} rules={[required]} style={{ flex: 1 }}>
            <Select options={MEASURE_STATUSES.map((s) => ({ value: s.code, label: s.zh }))} />
          </Form.Item>
        </div>
        <Form.Item name="evidence" label={t('evidence')} extra={t('evidenceHint')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {hasPermission(actor, 'attachments:write') && (
          <Form.Item label={t('files')}>
            <AttachmentUpload ownerKind="assistanceMeasure" onChange={(ids) => setAttachmentIds(ids)} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
