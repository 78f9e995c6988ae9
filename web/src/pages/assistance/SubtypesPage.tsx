import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { assistanceKeys, fetchSubtypes, saveSubtype, type SubtypeRow } from '#web/api/assistance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { categoryZh, MEASURE_CATEGORIES, useText } from './text.ts';

/** /assistance/subtypes — the editable sub-type code lists of the 14 categories. */
export default function SubtypesPage() {
  const t = useText();
  const { data: actor } = useActor();
  const canEdit = hasPermission(actor, 'assistance:manage');
  const query = useQuery({ queryKey: assistanceKeys.subtypes, queryFn: fetchSubtypes });
  const [form] = Form.useForm<{
    category: string;
    code: string;
    labelZh: string;
    continuesAfterElimination: string | null;
  }>();
  const { mutation: save, errorAlert } = useFormMutation(form, saveSubtype, {
    successMessage: t('saved'),
    invalidate: [assistanceKeys.subtypes],
    onSuccess: () => form.resetFields(),
  });
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  const continues = (c: string | null) => (c ? <Tag color="blue">{t(c as 'contractEnd')}</Tag> : '—');
  return (
    <Card title={t('subtypes')}>
      <Typography.Paragraph type="secondary">{t('subtypesIntro')}</Typography.Paragraph>
      {errorAlert}
      {canEdit && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12 }}
          onFinish={(v) =>
            save.mutate({ ...v, continuesAfterElimination: v.continuesAfterElimination ?? null, active: true })
          }
        >
          <Form.Item name="category" rules={[{ required: true, message: t('required') }]}>
            <Select
              style={{ width: 160 }}
              placeholder={t('category')}
              options={MEASURE_CATEGORIES.map((c) => ({ value: c.code, label: c.zh }))}
            />
          </Form.Item>
          <Form.Item name="code" rules={[{ required: true, message: t('required') }]}>
            <Input placeholder={t('code')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="labelZh" rules={[{ required: true, message: t('required') }]}>
            <Input placeholder={t('name')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="continuesAfterElimination">
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('continues')}
              options={(['contractEnd', 'agreementEnd', 'stageEnd'] as const).map((c) => ({ value: c, label: t(c) }))}
            />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={save.isPending}>
            {t('addSubtype')}
          </Button>
        </Form>
      )}
      <Table<SubtypeRow>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={query.data ?? []}
        pagination={false}
        columns={[
          { title: t('category'), dataIndex: 'category', render: categoryZh },
          { title: t('name'), dataIndex: 'labelZh' },
          {
            title: t('code'),
            dataIndex: 'code',
            // The code table's codes themselves (what the national export carries): Latin by design.
            render: (code: string) => <span data-latin-ok="">{code}</span>,
          },
          { title: t('continues'), dataIndex: 'continuesAfterElimination', render: continues },
          {
            title: t('active'),
            dataIndex: 'active',
            render: (a: boolean, r) => (
              <Space>
                <Switch
                  size="small"
                  checked={a}
                  disabled={!canEdit}
                  onChange={(checked) =>
                    save.mutate({
                      category: r.category,
                      code: r.code,
                      labelZh: r.labelZh,
                      continuesAfterElimination: r.continuesAfterElimination,
                      active: checked,
                    })
                  }
                />
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
