import { chinaToday } from '#web/components/chinaDay.ts';
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  ASSET_CATEGORY_LABELS,
  DISPOSAL_REASON_LABELS,
  DISPOSAL_REASONS,
  INCOME_SHARE_LABELS,
  INCOME_SHARES,
  OWNER_LEVEL_LABELS,
} from '#common/domain/assets/rules.ts';
import { FUND_SOURCE_LABELS } from '#common/domain/projects/types.ts';
import {
  disposeAsset,
  fetchAsset,
  fetchDeliberations,
  incomeNoticeUrl,
  projectKeys,
  recordAssetIncome,
  setAssetCustody,
  type AssetDetail,
} from '#web/api/projects.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { FormModal } from '../projects/FormModal.tsx';
import { toFen, yuan } from '../projects/text.ts';
import { useAssetsText } from './text.ts';

interface IncomeValues {
  year: number;
  receivedOn: Dayjs;
  amount: number;
  operation?: number;
  consolidation?: number;
  publicWelfare?: number;
  publicWelfarePosts?: number;
  deliberationId: number;
  note?: string;
}

/** One asset: its register fields, custody, income with its distribution and notices, disposal. */
export default function AssetDetailPage() {
  const t = useAssetsText();
  const { label } = useI18n();
  const { id } = useParams();
  const assetId = Number(id);
  const { data: actor } = useActor();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [modal, setModal] = useState<'income' | 'custody' | 'dispose' | null>(null);
  const query = useQuery({ queryKey: [...projectKeys.assets, 'detail', assetId], queryFn: () => fetchAsset(assetId) });
  const a = query.data;
  const decided = useQuery({
    queryKey: [...projectKeys.deliberations, 'decided'],
    queryFn: () => fetchDeliberations({ decided: true }),
    enabled: modal === 'income' || modal === 'dispose',
  });
  const [incomeForm] = Form.useForm<IncomeValues>();
  const [custodyForm] = Form.useForm<{
    operator?: string;
    custodian: string;
    custodianPerson: string;
    bookValue?: number;
  }>();
  const [disposeForm] = Form.useForm<{
    reason: (typeof DISPOSAL_REASONS)[number];
    disposedOn: Dayjs;
    proceeds?: number;
    note: string;
    deliberationId?: number;
  }>();
  const canWrite = hasPermission(actor, 'assets:write');
  const upper = actor?.role !== 'villageOfficer';
  // A village's collective asset is disposed by that village's decided 四议两公开 record (the server refuses otherwise).
  const villageCollective = !!a && !a.orgCode.endsWith('000') && a.ownerLevel !== 'household';
  const done = async (next: AssetDetail) => {
    queryClient.setQueryData([...projectKeys.assets, 'detail', assetId], next);
    await queryClient.invalidateQueries({ queryKey: projectKeys.assets });
    message.success(t('saved'));
  };

  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Card
      loading={query.isPending}
      title={
        <Space>
          <Link to="/assets">
            <ArrowLeftOutlined /> {t('back')}
          </Link>
          <span>{a ? `${t('detail')}：${a.name}` : t('detail')}</span>
        </Space>
      }
      extra={
        a &&
        canWrite &&
        a.status === 'inUse' && (
          <Space>
            {a.category === 'operating' && (
              <Button type="primary" onClick={() => setModal('income')}>
                {t('recordIncome')}
              </Button>
            )}
            <Button onClick={() => setModal('custody')}>{t('setCustody')}</Button>
            {upper && (
              <Button danger onClick={() => setModal('dispose')}>
                {t('dispose')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {a && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('code')}>{a.code}</Descriptions.Item>
            <Descriptions.Item label={t('category')}>
              {label(ASSET_CATEGORY_LABELS[a.category])}
              {a.photovoltaic && (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  {t('pv')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('project')}>{a.projectName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('originYear')}>{a.originYear}</Descriptions.Item>
            <Descriptions.Item label={t('fundSources')} span={2}>
              {Object.entries(a.fundSources)
                .map(
                  ([s, fen]) => `${FUND_SOURCE_LABELS[s as keyof typeof FUND_SOURCE_LABELS]?.zh ?? s} ${yuan(fen)} 元`,
                )
                .join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('originalValue')}>{yuan(a.originalValueFen)}</Descriptions.Item>
            <Descriptions.Item label={t('bookValue')}>{yuan(a.bookValueFen)}</Descriptions.Item>
            <Descriptions.Item label={t('unit')}>
              {a.townshipName ? `${a.townshipName} · ` : ''}
              {a.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('quantity')}>
              {a.quantity} {a.unit}
            </Descriptions.Item>
            <Descriptions.Item label={t('owner')}>
              {label(OWNER_LEVEL_LABELS[a.ownerLevel])} · {a.ownerName}
            </Descriptions.Item>
            <Descriptions.Item label={t('operator')}>{a.operator ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('custodianBody')}>
              {a.custodian ?? <Typography.Text type="warning">{t('noCustodian')}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('custodianPerson')}>{a.custodianPerson ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('beneficiaries')} span={2}>
              {a.beneficiaries ?? '—'}
            </Descriptions.Item>
            {a.status === 'disposed' && (
              <Descriptions.Item label={t('disposal')} span={2}>
                {DISPOSAL_REASON_LABELS[a.disposalReason as keyof typeof DISPOSAL_REASON_LABELS]} · {a.disposedOn} ·{' '}
                {a.disposalNote}
                {a.disposalDeliberationId !== null && (
                  <>
                    {' · '}
                    <Link
                      to={`/projects/deliberations?open=${a.disposalDeliberationId}`}
                    >{`${t('deliberation')} #${a.disposalDeliberationId}`}</Link>
                  </>
                )}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            title={() => <Typography.Text strong>{t('incomeHistory')}</Typography.Text>}
            dataSource={a.incomes}
            locale={{ emptyText: t('noIncome') }}
            pagination={false}
            columns={[
              { title: t('year'), dataIndex: 'year', width: 70 },
              { title: t('receivedOn'), dataIndex: 'receivedOn', width: 110 },
              { title: t('amount'), dataIndex: 'amountFen', width: 130, align: 'right', render: yuan },
              {
                title: '分配',
                dataIndex: 'distribution',
                render: (d: Record<string, number>) =>
                  INCOME_SHARES.filter((k) => d[k])
                    .map((k) => `${INCOME_SHARE_LABELS[k]} ${yuan(d[k])}`)
                    .join('；'),
              },
              {
                title: t('deliberation'),
                dataIndex: 'deliberationSubject',
                render: (s: string | null, r) => (
                  <Link to={`/projects/deliberations?open=${r.deliberationId}`}>{s ?? `#${r.deliberationId}`}</Link>
                ),
              },
              {
                title: '',
                key: 'notice',
                width: 170,
                render: (_, r) => (
                  <Space>
                    <Button size="small" icon={<PrinterOutlined />} href={incomeNoticeUrl(a.id, r.id)} target="_blank">
                      {t('printNotice')}
                    </Button>
                    <Button
                      size="small"
                      icon={<FilePdfOutlined />}
                      href={incomeNoticeUrl(a.id, r.id, true)}
                      target="_blank"
                    />
                  </Space>
                ),
              },
            ]}
          />
          <FormModal<IncomeValues, AssetDetail>
            open={modal === 'income'}
            onClose={() => setModal(null)}
            title={t('recordIncome')}
            form={incomeForm}
            initialValues={{ year: chinaToday().year(), receivedOn: chinaToday() }}
            fieldMap={{ amountFen: 'amount', 'distribution.publicWelfarePosts': 'publicWelfarePosts' }}
            send={(v) =>
              recordAssetIncome(a.id, {
                year: v.year,
                receivedOn: v.receivedOn.format('YYYY-MM-DD'),
                amountFen: toFen(v.amount),
                distribution: {
                  operation: toFen(v.operation),
                  consolidation: toFen(v.consolidation),
                  publicWelfare: toFen(v.publicWelfare),
                  publicWelfarePosts: toFen(v.publicWelfarePosts),
                },
                deliberationId: v.deliberationId,
                note: v.note || null,
              })
            }
            onDone={done}
          >
            {a.photovoltaic && <Typography.Paragraph type="warning">{t('pvHint')}</Typography.Paragraph>}
            <Space wrap>
              <Form.Item name="year" label={t('year')} rules={[{ required: true }]}>
                <InputNumber min={2013} max={2100} />
              </Form.Item>
              <Form.Item name="receivedOn" label={t('receivedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="amount" label={t('amount')} rules={[{ required: true, message: t('required') }]}>
                <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
              </Form.Item>
            </Space>
            <Space wrap>
              {INCOME_SHARES.map((k) => (
                <Form.Item key={k} name={k} label={t(k)}>
                  <InputNumber min={0} precision={2} style={{ width: 150 }} />
                </Form.Item>
              ))}
            </Space>
            <Form.Item
              name="deliberationId"
              label={t('deliberation')}
              extra={t('deliberationHint')}
              rules={[{ required: true, message: t('required') }]}
            >
              <Select
                loading={decided.isPending}
                options={(decided.data ?? [])
                  .filter((d) => d.villageCode === a.orgCode || a.orgCode.endsWith('000'))
                  .map((d) => ({ value: d.id, label: `#${d.id} ${d.villageName}：${d.subject}` }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('note')}>
              <Input />
            </Form.Item>
          </FormModal>
          <FormModal
            open={modal === 'custody'}
            onClose={() => setModal(null)}
            title={t('setCustody')}
            form={custodyForm}
            initialValues={{
              operator: a.operator ?? undefined,
              custodian: a.custodian ?? undefined,
              custodianPerson: a.custodianPerson ?? undefined,
              bookValue: a.bookValueFen / 100,
            }}
            send={(v) =>
              setAssetCustody(a.id, {
                operator: v.operator || null,
                custodian: v.custodian,
                custodianPerson: v.custodianPerson,
                bookValueFen: v.bookValue === undefined ? undefined : toFen(v.bookValue),
                version: a.version,
              })
            }
            onDone={done}
          >
            <Form.Item name="operator" label={t('operator')}>
              <Input />
            </Form.Item>
            <Form.Item name="custodian" label={t('custodianBody')} rules={[{ required: true, message: t('required') }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="custodianPerson"
              label={t('custodianPerson')}
              rules={[{ required: true, message: t('required') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="bookValue" label={t('bookValue')}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
          </FormModal>
          <FormModal
            open={modal === 'dispose'}
            onClose={() => setModal(null)}
            title={t('dispose')}
            form={disposeForm}
            initialValues={{ reason: 'endOfLife', disposedOn: chinaToday(), proceeds: 0 }}
            send={(v) =>
              disposeAsset(a.id, {
                reason: v.reason,
                disposedOn: v.disposedOn.format('YYYY-MM-DD'),
                proceedsFen: toFen(v.proceeds),
                note: v.note,
                deliberationId: v.deliberationId ?? null,
                version: a.version,
              })
            }
            onDone={done}
            fieldMap={{ proceedsFen: 'proceeds' }}
          >
            <Form.Item name="reason" label={t('reason')}>
              <Select options={DISPOSAL_REASONS.map((r) => ({ value: r, label: DISPOSAL_REASON_LABELS[r] }))} />
            </Form.Item>
            <Form.Item name="disposedOn" label={t('disposedOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="proceeds" label={t('proceeds')}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('disposalNote')}
              rules={[{ required: true, min: 2, message: t('required') }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item
              name="deliberationId"
              label={t('deliberation')}
              extra={t('disposalDeliberationHint')}
              rules={[{ required: villageCollective, message: t('required') }]}
            >
              <Select
                allowClear
                loading={decided.isPending}
                options={(decided.data ?? [])
                  .filter((d) => d.villageCode === a.orgCode || a.orgCode.endsWith('000'))
                  .map((d) => ({ value: d.id, label: `#${d.id} ${d.villageName}：${d.subject}` }))}
              />
            </Form.Item>
          </FormModal>
        </Space>
      )}
    </Card>
  );
}
