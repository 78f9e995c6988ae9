import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { createProject, fetchDeliberations, type ProjectDetail } from '#web/api/projects.ts';
import { useActor } from '#web/auth/session.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { FormModal } from './FormModal.tsx';
import { DEFAULT_SUB_TYPES, PROJECT_TYPE_LABELS, PROJECT_TYPES } from './labels.ts';
import { toFen, useProjectsText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

interface Values {
  orgCode: string;
  name: string;
  type: (typeof PROJECT_TYPES)[number];
  subType?: string;
  year: number;
  central?: number;
  provincial?: number;
  city?: number;
  county?: number;
  beneficiaryHouseholds: number;
  beneficiaryAlleviated: number;
  farmerLinkage: string;
  performanceTargets: { indicator: string; value: string }[];
  workForRelief: boolean;
  labour?: number;
  deliberationId?: number;
}

/** 村级申报 (or a township/county project by its own staff). */
export function NewProjectModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (p: ProjectDetail) => void;
}) {
  const t = useProjectsText();
  const { label } = useI18n();
  const { data: actor } = useActor();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const orgCode = Form.useWatch('orgCode', form);
  const workForRelief = Form.useWatch('workForRelief', form);
  const deliberations = useQuery({
    queryKey: keys.projects.decidedDeliberations,
    queryFn: () => fetchDeliberations({ decided: true }),
    enabled: open,
  });
  const required = { required: true, message: t('required') };
  const isVillage = actor?.orgCode && /^\d{9}(?!000)\d{3}$/.test(actor.orgCode);

  return (
    <FormModal<Values, ProjectDetail>
      open={open}
      onClose={onClose}
      title={t('newProject')}
      form={form}
      width={760}
      initialValues={{
        orgCode: actor?.orgCode,
        year: new Date().getFullYear(),
        type: 'industry',
        beneficiaryHouseholds: 0,
        beneficiaryAlleviated: 0,
        performanceTargets: [{ indicator: '', value: '' }],
        workForRelief: false,
      }}
      send={(v) =>
        createProject({
          orgCode: v.orgCode,
          name: v.name,
          type: v.type,
          subType: v.subType || null,
          year: v.year,
          budget: {
            central: toFen(v.central),
            provincial: toFen(v.provincial),
            city: toFen(v.city),
            county: toFen(v.county),
          },
          beneficiaryHouseholds: v.beneficiaryHouseholds,
          beneficiaryAlleviated: v.beneficiaryAlleviated,
          beneficiaryVillages: orgCode && !orgCode.endsWith('000') ? [orgCode] : [],
          farmerLinkage: v.farmerLinkage ?? '',
          performanceTargets: (v.performanceTargets ?? []).filter((x) => x && (x.indicator || x.value)),
          workForRelief: v.workForRelief,
          labourRemunerationFen: toFen(v.labour),
          deliberationId: v.deliberationId ?? null,
        })
      }
      onDone={async (p) => {
        message.success(`${t('created')}：${p.name}`);
        await queryClient.invalidateQueries({ queryKey: keys.projects.all });
        onCreated(p);
      }}
    >
      <Space.Compact block>
        <Form.Item name="name" label={t('name')} rules={[required]} style={{ flex: 3 }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="year" label={t('year')} rules={[required]} style={{ flex: 1 }}>
          <InputNumber min={2013} max={2100} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      {isVillage ? (
        <>
          <Form.Item label={t('place')}>
            <Input disabled value={actor?.orgName} />
          </Form.Item>
          <Form.Item name="orgCode" hidden>
            <Input />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="orgCode" label={t('place')} rules={[required]}>
          <OrgUnitPicker allowedLevels={['county', 'township', 'village']} />
        </Form.Item>
      )}
      <Space.Compact block>
        <Form.Item name="type" label={t('type')} rules={[required]} style={{ flex: 1 }}>
          <Select options={PROJECT_TYPES.map((v) => ({ value: v, label: label(PROJECT_TYPE_LABELS[v]) }))} />
        </Form.Item>
        <Form.Item name="subType" label={t('subType')} style={{ flex: 1 }}>
          <AutoComplete options={(DEFAULT_SUB_TYPES[type ?? 'industry'] ?? []).map((v) => ({ value: v }))} allowClear />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        {(['central', 'provincial', 'city', 'county'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(k)} style={{ flex: 1 }}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="beneficiaryHouseholds" label={t('households')} rules={[required]} style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="beneficiaryAlleviated" label={t('alleviated')} rules={[required]} style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="farmerLinkage" label={t('linkage')} extra={t('linkageHint')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item label={t('targets')} required>
        <Form.List name="performanceTargets">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'indicator']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('indicator')} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('targetValue')} style={{ width: 200 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ indicator: '', value: '' })}
              >
                {t('addTarget')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>
      <Space align="start">
        <Form.Item name="workForRelief" valuePropName="checked">
          <Checkbox>{t('workForRelief')}</Checkbox>
        </Form.Item>
        {workForRelief && (
          <Form.Item name="labour" label={t('labour')}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
        )}
      </Space>
      <Form.Item name="deliberationId" label={t('deliberation')} extra={t('deliberationHint')}>
        <Select
          allowClear
          loading={deliberations.isPending}
          options={(deliberations.data ?? [])
            .filter((d) => !orgCode || d.villageCode === orgCode || orgCode.endsWith('000'))
            .map((d) => ({ value: d.id, label: `#${d.id} ${d.villageName}：${d.subject}` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
