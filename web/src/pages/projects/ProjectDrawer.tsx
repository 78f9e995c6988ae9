import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Input,
  Popconfirm,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  fetchProject,
  projectEntry,
  projectKeys,
  projectNoticeUrl,
  projectStatus,
  type ProjectDetail,
} from '../../api/projects.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { errorMessage } from '../../components/errorMessage.ts';
import { formatDateTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { AdjustModal } from './AdjustModal.tsx';
import {
  DELIBERATION_STATUS_LABELS,
  ENTRY_STAGES,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  PROJECT_TYPE_LABELS,
  STATUS_COLORS,
  stageLabel,
  statusLabel,
} from './labels.ts';
import { yuan, useProjectsText } from './text.ts';

const NOTICE = ['villageNotice', 'townshipNotice', 'countyNotice'];
const ACTION_LABELS: Record<string, string> = {
  create: '申报',
  complete: '办结',
  reject: '退回',
  withdraw: '撤销',
  status: '状态变更',
  adjust: '调整',
};

/** One project: its facts, where it stands in the entry procedure, what the caller may do now, and its history. */
export function ProjectDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useProjectsText();
  const { label, language } = useI18n();
  const { data: actor } = useActor();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [adjusting, setAdjusting] = useState(false);
  const query = useQuery({
    queryKey: projectKeys.detail(id ?? 0),
    queryFn: () => fetchProject(id!),
    enabled: id !== null,
  });
  const p = query.data;
  const refresh = async (next: ProjectDetail) => {
    queryClient.setQueryData(projectKeys.detail(next.id), next);
    setReason('');
    await queryClient.invalidateQueries({ queryKey: projectKeys.all });
  };
  const entry = useMutation({
    mutationFn: (action: 'complete' | 'reject' | 'withdraw') =>
      projectEntry(p!.id, { action, reason: reason || null, version: p!.version }),
    onSuccess: async (next) => {
      message.success(`${stageLabel(next.entryStage)}`);
      await refresh(next);
    },
  });
  const status = useMutation({
    mutationFn: (target: 'implementing' | 'accepted' | 'completed' | 'cancelled') =>
      projectStatus(p!.id, { status: target, reason: reason || null, version: p!.version }),
    onSuccess: async (next) => {
      message.success(statusLabel(next.status));
      await refresh(next);
    },
  });
  const error = entry.error ?? status.error;
  const canWrite = hasPermission(actor, 'projects:write');
  const county = actor?.role === 'countyAdmin' || actor?.role === 'countyStaff';
  const township = actor?.role === 'townshipStaff';
  const stageIndex = p ? ENTRY_STAGES.indexOf(p.entryStage as (typeof ENTRY_STAGES)[number]) : 0;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={880}
      title={p ? `${t('detail')}：${p.name}` : t('detail')}
      destroyOnHidden
    >
      {query.isError && <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />}
      {p && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-project-id={p.id}>
          <Steps
            size="small"
            current={p.entryStage === 'withdrawn' ? 0 : stageIndex}
            status={p.entryStage === 'withdrawn' ? 'error' : p.entryStage === 'admitted' ? 'finish' : 'process'}
            items={ENTRY_STAGES.map((s) => ({ title: stageLabel(s) }))}
            style={{ overflowX: 'auto' }}
          />
          {error && <Alert type="error" showIcon message={errorMessage(error, language).message} />}
          {canWrite && p.entryStage !== 'admitted' && p.entryStage !== 'withdrawn' && (
            <Alert
              type={p.canAct ? 'info' : 'warning'}
              showIcon
              message={
                p.canAct
                  ? `${t('waiting')}：${stageLabel(p.entryStage)}${p.noticeEndsOn ? `（${t('noticeUntil')} ${p.noticeEndsOn}）` : ''}`
                  : `${stageLabel(p.entryStage)}：${t('notYourStep')}`
              }
              action={
                p.canAct && (
                  <Space direction="vertical" align="end">
                    <Space>
                      <Button
                        type="primary"
                        loading={entry.isPending}
                        onClick={() => entry.mutate('complete')}
                        data-testid="entry-complete"
                      >
                        {p.entryStage === 'declaration'
                          ? t('submit')
                          : NOTICE.includes(p.entryStage)
                            ? t('endNotice')
                            : t('complete')}
                      </Button>
                      <Button
                        danger
                        disabled={!reason}
                        onClick={() => entry.mutate(p.entryStage === 'declaration' ? 'withdraw' : 'reject')}
                      >
                        {p.entryStage === 'declaration' ? t('withdraw') : t('reject')}
                      </Button>
                    </Space>
                    <Input
                      size="small"
                      placeholder={t('reasonRequired')}
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      style={{ width: 260 }}
                    />
                  </Space>
                )
              }
            />
          )}
          {canWrite && ['admitted', 'implementing', 'accepted'].includes(p.status) && (county || township) && (
            <Space wrap>
              <Typography.Text strong>{t('lifecycle')}：</Typography.Text>
              {p.status === 'admitted' && (
                <Button
                  onClick={() => status.mutate('implementing')}
                  loading={status.isPending}
                  data-testid="status-implementing"
                >
                  {t('toImplementing')}
                </Button>
              )}
              {p.status === 'implementing' && county && (
                <Button
                  onClick={() => status.mutate('accepted')}
                  loading={status.isPending}
                  data-testid="status-accepted"
                >
                  {t('toAccepted')}
                </Button>
              )}
              {p.status === 'accepted' && county && (
                <Popconfirm title={t('toCompleted')} onConfirm={() => status.mutate('completed')}>
                  <Button type="primary" loading={status.isPending} data-testid="status-completed">
                    {t('toCompleted')}
                  </Button>
                </Popconfirm>
              )}
              <Button onClick={() => setAdjusting(true)}>{t('adjust')}</Button>
            </Space>
          )}
          <Space>
            <Button icon={<PrinterOutlined />} href={projectNoticeUrl(p.id)} target="_blank">
              {t('printNotice')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={projectNoticeUrl(p.id, true)} target="_blank">
              {t('pdfNotice')}
            </Button>
          </Space>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('type')}>
              {label(PROJECT_TYPE_LABELS[p.type])}
              {p.subType ? ` / ${p.subType}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <Tag color={STATUS_COLORS[p.status]}>{statusLabel(p.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('place')}>{p.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('year')}>{p.year}</Descriptions.Item>
            <Descriptions.Item label={t('budget')} span={2}>
              {yuan(p.budgetFen)}（
              {FUND_SOURCES.filter((s) => p.budget[s] > 0)
                .map((s) => `${label(FUND_SOURCE_LABELS[s])} ${yuan(p.budget[s])}`)
                .join('；')}
              ）
            </Descriptions.Item>
            <Descriptions.Item label={t('assigned')}>{yuan(p.assignedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('disbursed')}>{yuan(p.disbursedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('households')}>
              {p.beneficiaryHouseholds}（{t('alleviated')} {p.beneficiaryAlleviated}）
            </Descriptions.Item>
            <Descriptions.Item label={t('workForRelief')}>
              {p.workForRelief ? `是，${t('labour')} ${yuan(p.labourRemunerationFen)}` : '否'}
            </Descriptions.Item>
            <Descriptions.Item label={t('linkage')} span={2}>
              {p.farmerLinkage}
            </Descriptions.Item>
            <Descriptions.Item label={t('targets')} span={2}>
              {p.performanceTargets.map((x) => `${x.indicator}：${x.value}`).join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t('deliberation')} span={2}>
              {p.deliberationId ? (
                <Link to={`/projects/deliberations?open=${p.deliberationId}`}>
                  #{p.deliberationId}（
                  {p.deliberationStatus
                    ? label(DELIBERATION_STATUS_LABELS[p.deliberationStatus as keyof typeof DELIBERATION_STATUS_LABELS])
                    : '—'}
                  ）
                </Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
          {p.assets.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              title={() => t('assets')}
              dataSource={p.assets}
              columns={[
                {
                  title: '资产编号',
                  dataIndex: 'code',
                  render: (code: string, a) => <Link to={`/assets/${a.id}`}>{code}</Link>,
                },
                { title: '资产名称', dataIndex: 'name' },
              ]}
            />
          )}
          <Typography.Title level={5}>{t('history')}</Typography.Title>
          <Timeline
            items={p.events.map((e) => ({
              color: e.action === 'reject' || e.action === 'withdraw' ? 'red' : 'blue',
              children: (
                <div>
                  <Typography.Text strong>{ACTION_LABELS[e.action] ?? e.action}</Typography.Text>{' '}
                  {e.action === 'status' ? (
                    e.toStage && <Tag>{statusLabel(e.toStage)}</Tag>
                  ) : e.fromStage ? (
                    <span>
                      <Tag>{stageLabel(e.fromStage)}</Tag>→ <Tag color="blue">{stageLabel(e.toStage ?? '')}</Tag>
                    </span>
                  ) : (
                    e.toStage && <Tag>{stageLabel(e.toStage)}</Tag>
                  )}
                  <Typography.Text type="secondary">
                    {e.actorName} · {formatDateTime(e.at)}
                  </Typography.Text>
                  {e.reason && <div>原因：{e.reason}</div>}
                  {e.changes && <div>调整：{Object.keys(e.changes).join('、')}</div>}
                </div>
              ),
            }))}
          />
          <AdjustModal project={p} open={adjusting} onClose={() => setAdjusting(false)} onDone={refresh} />
        </Space>
      )}
    </Drawer>
  );
}
