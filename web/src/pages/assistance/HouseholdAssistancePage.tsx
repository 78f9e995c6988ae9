import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { assistanceKeys, fetchHouseholdAssistance, type MeasureRow } from '#web/api/assistance.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { attachmentUrl } from '#web/components/AttachmentUpload.tsx';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { MeasureModal, type MeasurePreset } from './MeasureModal.tsx';
import { PairingModal } from './PairingModal.tsx';
import {
  categoryZh,
  MONITORING_STATUS_ZH,
  obligationZh,
  riskZh,
  STATUS_COLORS,
  statusZh,
  useText,
  yuan,
} from './text.ts';

/** /assistance/households/:id — one household's pairing, measures, obligations, recommendations and visits. */
export default function HouseholdAssistancePage() {
  const t = useText();
  const id = Number(useParams().id);
  const { data: actor } = useActor();
  const query = useQuery({
    queryKey: assistanceKeys.household(id),
    queryFn: () => fetchHouseholdAssistance(id),
    enabled: Number.isFinite(id),
  });
  const [measureOpen, setMeasureOpen] = useState(false);
  const [editing, setEditing] = useState<MeasureRow | null>(null);
  const [preset, setPreset] = useState<MeasurePreset | null>(null);
  const [pairingOpen, setPairingOpen] = useState(false);
  if (query.isLoading) return <PageLoading />;
  if (query.isError || !query.data) return <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />;
  const { household: h, pairings, measures, obligations, recommendations, visits } = query.data;
  const canWrite = hasPermission(actor, 'assistance:write');
  const canPair = hasPermission(actor, 'pairing:manage');
  const current = pairings.find((p) => p.endOn === null);
  const openMeasure = (m: MeasureRow | null, p: MeasurePreset | null) => {
    setEditing(m);
    setPreset(p);
    setMeasureOpen(true);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>{h.headName ?? h.householdNo}</span>
            <Typography.Text type="secondary">{h.householdNo}</Typography.Text>
            <Tag
              color={
                h.monitoringStatus === 'monitored' ? 'red' : h.monitoringStatus === 'eliminated' ? 'green' : 'default'
              }
            >
              {MONITORING_STATUS_ZH[h.monitoringStatus] ?? h.monitoringStatus}
            </Tag>
          </Space>
        }
        extra={
          hasPermission(actor, 'registry:read') ? (
            <Link to={`/registry/households/${h.id}`}>{t('backToRegistry')}</Link>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('village')}>{h.villageName}</Descriptions.Item>
          <Descriptions.Item label={t('identified')}>{h.identificationPeriod ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('eliminated')}>{h.eliminationPeriod ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('risks')}>
            {h.riskTypes.length ? h.riskTypes.map((r) => <Tag key={r}>{riskZh(r)}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('labour')}>
            {h.wholeHouseholdNoLabour || h.labourCapableMembers === 0 ? (
              <Tag color="orange">{t('noLabour')}</Tag>
            ) : (
              t('labourCount', { n: h.labourCapableMembers })
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <div data-testid="obligations">
        {obligations.length === 0 ? (
          <Alert type="success" showIcon message={t('noObligations')} />
        ) : (
          <Alert
            type="warning"
            showIcon
            message={t('board')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {obligations.map((o) => (
                  <li key={`${o.code}-${o.riskType ?? ''}-${o.measureId ?? ''}`}>
                    {obligationZh(o.code)}
                    {o.riskType ? `（${riskZh(o.riskType)}）` : ''}
                    {o.measureId ? `（措施 #${o.measureId}）` : ''}，{t('dueOn')} {o.dueOn}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </div>

      <Card
        title={t('pairing')}
        extra={
          canPair ? (
            <Button type="primary" onClick={() => setPairingOpen(true)} data-testid="assign-cadre">
              {current ? t('reassign') : t('assign')}
            </Button>
          ) : null
        }
      >
        {current ? (
          <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="current-pairing">
            <Descriptions.Item label={t('cadre')}>{current.cadreName}</Descriptions.Item>
            <Descriptions.Item label={t('unit')}>{current.unit}</Descriptions.Item>
            <Descriptions.Item label={t('phone')}>{current.phoneMasked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('startOn')}>{current.startOn}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('noPairing')}</Typography.Text>
        )}
        {pairings.some((p) => p.endOn) && (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey="id"
            pagination={false}
            title={() => t('history')}
            dataSource={pairings.filter((p) => p.endOn)}
            columns={[
              { title: t('cadre'), dataIndex: 'cadreName' },
              { title: t('unit'), dataIndex: 'unit' },
              { title: t('startOn'), dataIndex: 'startOn' },
              { title: t('endOn'), dataIndex: 'endOn' },
              { title: t('endReason'), dataIndex: 'endReason' },
            ]}
          />
        )}
      </Card>

      {h.monitoringStatus === 'monitored' && (
        <Card title={t('recommendations')}>
          <Typography.Paragraph type="secondary">{t('recommendIntro')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={recommendations}
            data-testid="recommendations"
            renderItem={(r) => (
              <List.Item
                actions={
                  canWrite && !r.alreadyInPlace
                    ? [
                        <Button
                          key="use"
                          size="small"
                          onClick={() =>
                            openMeasure(null, { category: r.category, riskType: r.riskType ?? h.riskTypes[0] })
                          }
                        >
                          {t('useSuggestion')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space>
                  <Tag color={r.priority === 1 ? 'blue' : 'default'}>{categoryZh(r.category)}</Tag>
                  <span>{r.reasonZh}</span>
                  {r.alreadyInPlace && <Tag color="green">{t('inPlace')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card
        title={t('measures')}
        extra={
          canWrite ? (
            <Button type="primary" onClick={() => openMeasure(null, null)} data-testid="add-measure">
              {t('addMeasure')}
            </Button>
          ) : null
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={measures}
          locale={{ emptyText: <Empty description={t('noMeasures')} /> }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('category'),
              dataIndex: 'category',
              render: (c: string, m) => (
                <Space direction="vertical" size={0}>
                  <span>{categoryZh(c)}</span>
                  <Typography.Text type="secondary">{m.subTypeLabel ?? m.subType ?? ''}</Typography.Text>
                </Space>
              ),
            },
            { title: t('riskType'), dataIndex: 'riskType', render: riskZh },
            { title: t('department'), dataIndex: 'department' },
            { title: t('startOn'), dataIndex: 'startOn' },
            { title: t('endOn'), dataIndex: 'endOn', render: (v: string | null) => v ?? '—' },
            { title: t('amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
            {
              title: t('measureStatus'),
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusZh(s)}</Tag>,
            },
            {
              title: t('evidence'),
              key: 'evidence',
              render: (_: unknown, m: MeasureRow) => (
                <Space direction="vertical" size={0}>
                  <span>{m.evidence.map((x) => x.name).join('、') || (m.attachments.length ? '' : '—')}</span>
                  {m.attachments.map((a) => (
                    <a key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">
                      {a.fileName}
                    </a>
                  ))}
                </Space>
              ),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'edit',
                    render: (_: unknown, m: MeasureRow) => (
                      <Button size="small" type="link" onClick={() => openMeasure(m, null)}>
                        {t('editMeasure')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card title={t('visits')}>
        <List
          size="small"
          dataSource={visits}
          locale={{ emptyText: t('noVisits') }}
          renderItem={(v) => (
            <List.Item>
              <Flex gap={12} wrap>
                <span>{v.visitedOn}</span>
                <span>{v.visitorName}</span>
                <Tag color={v.riskFound ? 'red' : 'green'}>
                  {v.riskFound ? `${t('riskFound')}：${v.riskTypes.map(riskZh).join('、')}` : t('noRisk')}
                </Tag>
                <Typography.Text>{v.findings}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>

      <MeasureModal
        householdId={h.id}
        risks={h.riskTypes}
        open={measureOpen}
        editing={editing}
        preset={preset}
        onClose={() => setMeasureOpen(false)}
      />
      <PairingModal
        householdId={h.id}
        open={pairingOpen}
        reassign={Boolean(current)}
        onClose={() => setPairingOpen(false)}
      />
    </Space>
  );
}
