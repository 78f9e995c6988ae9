import { Form, Input, InputNumber, Space } from 'antd';
import { adjustProject, type ProjectDetail } from '#web/api/projects.ts';
import { FormModal } from './FormModal.tsx';
import { toFen, useProjectsText } from './text.ts';

interface Values {
  name: string;
  central: number;
  provincial: number;
  city: number;
  county: number;
  beneficiaryHouseholds: number;
  reason: string;
}

/** 项目调整: budget, name or beneficiaries, always with a reason kept in the history. */
export function AdjustModal({
  project,
  open,
  onClose,
  onDone,
}: {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
  onDone: (p: ProjectDetail) => void;
}) {
  const t = useProjectsText();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values, ProjectDetail>
      open={open}
      onClose={onClose}
      title={t('adjust')}
      form={form}
      initialValues={{
        name: project.name,
        central: project.budget.central / 100,
        provincial: project.budget.provincial / 100,
        city: project.budget.city / 100,
        county: project.budget.county / 100,
        beneficiaryHouseholds: project.beneficiaryHouseholds,
      }}
      send={(v) =>
        adjustProject(project.id, {
          name: v.name,
          budget: {
            central: toFen(v.central),
            provincial: toFen(v.provincial),
            city: toFen(v.city),
            county: toFen(v.county),
          },
          beneficiaryHouseholds: v.beneficiaryHouseholds,
          reason: v.reason,
          version: project.version,
        })
      }
      onDone={onDone}
    >
      <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Space.Compact block>
        {(['central', 'provincial', 'city', 'county'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(k)} style={{ flex: 1 }}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Space.Compact>
      <Form.Item name="beneficiaryHouseholds" label={t('households')}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('adjustReason')}
        rules={[{ required: true, min: 4, message: t('reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
