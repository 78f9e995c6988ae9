import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { fetchProject, projectEntry, projectNoticeUrl, projectStatus, type ProjectDetail } from '#web/api/projects.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { QueryState } from '#web/components/states.tsx';
import { formatDateTime } from '#web/components/format.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { ConfirmAction } from '#web/components/ConfirmAction.tsx';
import { OPINION_STAGES, type EntryStage } from '#common/domain/projects/workflow.ts';
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
import { keys } from '#web/api/queryKeys.ts';

/** Puts values into a text's {placeholders}. */
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (w, n: string) => values[n] ?? w);

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
  const { label } = useI18n();
  const { data: actor } = useActor();
  const queryClient = useQueryClient();
  const [adjusting, setAdjusting] = useState(false);
  const query = useQuery({
    queryKey: keys.projects.detail(id ?? 0),
    queryFn: () => fetchProject(id!),
    enabled: id !== null,
  });
  const p = query.data;
  const refresh = async (next: ProjectDetail) => {
    queryClient.setQueryData(keys.projects.detail(next.id), next);
    await queryClient.invalidateQueries({ queryKey: keys.projects.all });
  };
  const entry = useMutation({
    mutationFn: ({ action, reason }: { action: 'complete' | 'reject' | 'withdraw'; reason: string }) =>
      projectEntry(p!.id, { action, reason: reason || null, version: p!.version }),
    onSuccess: refresh,
  });
  const status = useMutation({
    mutationFn: ({
      target,
      reason,
    }: {
      target: 'implementing' | 'accepted' | 'completed' | 'cancelled';
      reason: string;
    }) => projectStatus(p!.id, { status: target, reason: reason || null, version: p!.version }),
    onSuccess: refresh,
  });
  const canWrite = hasPermission(actor, 'projects:write');
  const county = actor?.role === 'countyAdmin' || actor?.role === 'countyStaff';
  const township = actor?.role === 'townshipStaff';
  const stageIndex = p ? ENTRY_STAGES.indexOf(p.entryStage as (typeof ENTRY_STAGES)[number]) : 0;
  const nextStage: string | undefined = ENTRY_STAGES[stageIndex + 1];
  const completeLabel = !p
    ? ''
    : p.entryStage === 'declaration'
      ? t('submit')
      : NOTICE.includes(p.entryStage)
        ? t('endNotice')
        : t('complete');

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={880}
      title={p ? `${t('detail')}：${p.name}` : t('detail')}
      destroyOnHidden
    >
      <QueryState query={query}>
        {(p) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }} data-project-id={p.id}>
            <Steps
              size="small"
              current={p.entryStage === 'withdrawn' ? 0 : stageIndex}
              status={p.entryStage === 'withdrawn' ? 'error' : p.entryStage === 'admitted' ? 'finish' : 'process'}
              items={ENTRY_STAGES.map((s) => ({ title: stageLabel(s) }))}
              style={{ overflowX: 'auto' }}
            />
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
                    <Space wrap>
                      <ConfirmAction
                        testId="entry-complete"
                        label={completeLabel}
                        title={fill(t('confirmEntry'), { action: completeLabel })}
                        description={
                          nextStage
                            ? fill(t('confirmEntryNext'), {
                                stage: stageLabel(p.entryStage),
                                next: stageLabel(nextStage),
                              })
                            : null
                        }
                        opinion={OPINION_STAGES.includes(p.entryStage as EntryStage) ? 'required' : 'optional'}
                        opinionLabel={
                          OPINION_STAGES.includes(p.entryStage as EntryStage)
                            ? fill(t('opinionOf'), { stage: stageLabel(p.entryStage) })
                            : t('opinionOptional')
                        }
                        success={
                          nextStage === 'admitted'
                            ? t('toastAdmitted')
                            : fill(t('toastNext'), { next: stageLabel(nextStage ?? '') })
                        }
                        onConfirm={(reason) => entry.mutateAsync({ action: 'complete', reason })}
                        buttonProps={{ type: 'primary' }}
                      />
                      <ConfirmAction
                        testId="entry-reject"
                        label={p.entryStage === 'declaration' ? t('withdraw') : t('reject')}
                        title={fill(t('confirmEntry'), {
                          action: p.entryStage === 'declaration' ? t('withdraw') : t('reject'),
                        })}
                        opinion="required"
                        opinionLabel={t('reason')}
                        success={p.entryStage === 'declaration' ? t('toastWithdrawn') : t('toastRejected')}
                        onConfirm={(reason) =>
                          entry.mutateAsync({ action: p.entryStage === 'declaration' ? 'withdraw' : 'reject', reason })
                        }
                        buttonProps={{ danger: true }}
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
                  <ConfirmAction
                    testId="status-implementing"
                    label={t('toImplementing')}
                    title={fill(t('confirmStatus'), { action: t('toImplementing') })}
                    opinionLabel={t('opinionOptional')}
                    success={t('toastImplementing')}
                    onConfirm={(reason) => status.mutateAsync({ target: 'implementing', reason })}
                  />
                )}
                {p.status === 'implementing' && county && (
                  <ConfirmAction
                    testId="status-accepted"
                    label={t('toAccepted')}
                    title={fill(t('confirmStatus'), { action: t('toAccepted') })}
                    opinionLabel={t('opinionOptional')}
                    success={t('toastAccepted')}
                    onConfirm={(reason) => status.mutateAsync({ target: 'accepted', reason })}
                  />
                )}
                {p.status === 'accepted' && county && (
                  <ConfirmAction
                    testId="status-completed"
                    label={t('toCompleted')}
                    title={fill(t('confirmStatus'), { action: t('toCompleted') })}
                    opinionLabel={t('opinionOptional')}
                    success={t('toastCompleted')}
                    onConfirm={(reason) => status.mutateAsync({ target: 'completed', reason })}
                    buttonProps={{ type: 'primary' }}
                  />
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
                      ? label(
                          DELIBERATION_STATUS_LABELS[p.deliberationStatus as keyof typeof DELIBERATION_STATUS_LABELS],
                        )
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
                    {e.reason && (
                      <div>
                        {e.action === 'complete' || e.action === 'status' ? t('opinion') : t('reason')}：{e.reason}
                      </div>
                    )}
                    {e.changes && <div>调整：{Object.keys(e.changes).join('、')}</div>}
                  </div>
                ),
              }))}
            />
            <AdjustModal project={p} open={adjusting} onClose={() => setAdjusting(false)} onDone={refresh} />
          </Space>
        )}
      </QueryState>
    </Drawer>
  );
}
