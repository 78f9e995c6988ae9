import {
  CheckCircleFilled,
  CloseCircleFilled,
  MinusCircleOutlined,
  PaperClipOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { fetchCase, type CaseDetail } from '#web/api/cases.ts';
import { attachmentUrl } from '#web/components/AttachmentUpload.tsx';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { QueryState } from '#web/components/states.tsx';
import { ROLE_LABELS, type Role } from '#common/domain/roles.ts';
import { ExplainContent } from '../monitoring/ExplainDrawer.tsx';
import { DueTag } from './CasesPage.tsx';
import { StageForm } from './StageForm.tsx';
import { ELIMINATION_STAGES, IDENTIFICATION_STAGES, modeLabel, riskLabel, typeLabel, useCasesText } from './text.ts';
import { caseStageName } from '#web/i18n/workflowNames.ts';
import { keys } from '#web/api/queryKeys.ts';

const ACTION_ZH: Record<string, string> = {
  start: '发起',
  complete: '办结',
  reject: '退回',
  close: '终止',
  startNotice: '开始公示',
};
const STATUS_ZH: Record<string, string> = { none: '未纳入监测', monitored: '监测中', eliminated: '已消除风险' };

export default function CaseDetailPage() {
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: keys.cases.detail(id), queryFn: () => fetchCase(id) });
  return <QueryState query={q}>{(c) => <CaseDetailView c={c} />}</QueryState>;
}

function CaseDetailView({ c }: { c: CaseDetail }) {
  const t = useCasesText();
  const stages = c.kind === 'identification' ? IDENTIFICATION_STAGES : ELIMINATION_STAGES;
  const current = c.stage === 'closed' ? stages.length - 1 : stages.indexOf(c.stage);
  const level =
    c.actorLevel === 'village'
      ? t('levelVillage')
      : c.actorLevel === 'township'
        ? t('levelTownship')
        : t('levelCounty');
  const canPrintNotice = Boolean(c.noticeStartedOn);
  const canPrintAnnouncement = c.stage === 'announcement' || c.stage === 'done';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-case-id={c.id} data-stage={c.stage}>
      <Card
        title={
          <Space>
            <span>
              {t(c.kind)} #{c.id}
            </span>
            <Tag color={c.status === 'done' ? 'green' : c.status === 'closed' ? 'default' : 'processing'}>
              {caseStageName(c.stage)}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            {canPrintNotice && (
              <Link to={`/cases/${c.id}/notice/publicity`}>
                <Button icon={<PrinterOutlined />} data-testid="print-publicity">
                  {t('noticePrint')}
                </Button>
              </Link>
            )}
            {canPrintAnnouncement && (
              <Link to={`/cases/${c.id}/notice/announcement`}>
                <Button icon={<PrinterOutlined />}>{t('announcementPrint')}</Button>
              </Link>
            )}
          </Space>
        }
      >
        <Steps
          size="small"
          current={current}
          status={c.stage === 'closed' ? 'error' : c.stage === 'done' ? 'finish' : 'process'}
          items={stages.map((s) => ({ title: caseStageName(s) }))}
          style={{ marginBottom: 20, overflowX: 'auto' }}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={t('householdNo')}>
            <HouseholdLink id={c.householdId}>{c.householdNo}</HouseholdLink>
          </Descriptions.Item>
          <Descriptions.Item label={t('headName')}>{c.headName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('village')}>
            {c.townshipName} {c.villageName}
          </Descriptions.Item>
          <Descriptions.Item label={t('risks')}>
            {c.riskTypes.map((r) => (
              <Tag key={r}>{riskLabel(r)}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('type')}>{typeLabel(c.monitoringType)}</Descriptions.Item>
          {c.kind === 'elimination' && (
            <Descriptions.Item label={t('mode')}>{modeLabel(c.eliminationMode)}</Descriptions.Item>
          )}
          {c.naturalReason && <Descriptions.Item label={t('naturalReason')}>{c.naturalReason}</Descriptions.Item>}
          <Descriptions.Item label={t('householdStatus')}>
            {STATUS_ZH[c.household.monitoringStatus] ?? c.household.monitoringStatus}
            {c.household.identificationPeriod ? `（${c.household.identificationPeriod} 识别）` : ''}
            {c.household.wholeHouseholdNoLabour ? <Tag color="orange">{t('wholeNoLabour')}</Tag> : null}
          </Descriptions.Item>
          {c.clue && (
            <Descriptions.Item label={t('clue')}>
              #{c.clue.id} {c.clue.summary}
            </Descriptions.Item>
          )}
          {c.timeLimit && (
            <Descriptions.Item label={t('timeLimitTitle')}>
              <Space orientation="vertical" size={2}>
                <DueTag row={c} />
                <Typography.Text type="secondary">
                  {c.decidedOn
                    ? t('decided', { date: c.decidedOn })
                    : t('timeLimitText', {
                        elapsed: c.timeLimit.elapsed,
                        limit: c.timeLimit.limitDays,
                        due: c.timeLimit.dueOn,
                      })}
                </Typography.Text>
              </Space>
            </Descriptions.Item>
          )}
          {c.noticeStartedOn && (
            <Descriptions.Item label={t('noticePeriod')}>
              {c.noticeStartedOn} 至 {c.noticeEndsOn}
            </Descriptions.Item>
          )}
        </Descriptions>
        {Boolean(c.data.reopening) && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('reopening')} />}
        {Boolean(c.data.repeatRisk) && (
          <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('repeatRisk')} />
        )}
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          {c.stage === 'comparison' && c.status === 'active' && (
            <Card title={t('comparisonBasis')} style={{ marginBottom: 16 }} data-testid="comparison-basis">
              <ExplainContent householdId={c.householdId} />
            </Card>
          )}
          <Card
            title={c.allowedActions.length ? `${caseStageName(c.stage)} · ${t('yourTurn')}` : caseStageName(c.stage)}
          >
            {c.status !== 'active' ? (
              <Alert type={c.status === 'done' ? 'success' : 'warning'} showIcon title={t('finished')} />
            ) : c.allowedActions.length ? (
              <StageForm c={c} />
            ) : (
              <Alert type="info" showIcon title={t('notYourTurn', { level })} />
            )}
          </Card>
          {c.criteria && <CriteriaCard c={c} />}
          <ComparisonCard c={c} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('history')}>
            <Timeline
              data-testid="case-history"
              items={c.steps.map((s) => ({
                key: s.id,
                color:
                  s.action === 'reject' || s.action === 'close' ? 'red' : s.action === 'complete' ? 'green' : 'blue',
                content: (
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap size={6}>
                      <Typography.Text strong>
                        {ACTION_ZH[s.action]}
                        {s.fromStage ? ` · ${caseStageName(s.fromStage)}` : ''}
                        {s.fromStage !== s.toStage ? ` → ${caseStageName(s.toStage)}` : ''}
                      </Typography.Text>
                    </Space>
                    <Typography.Text type="secondary">
                      {s.actorName}（{ROLE_LABELS[s.actorRole as Role]?.zh ?? s.actorRole}）{' '}
                      {new Date(s.at).toLocaleString('zh-CN', { hour12: false })}
                    </Typography.Text>
                    {s.note && s.note !== s.data.opinion && <Typography.Text>{s.note}</Typography.Text>}
                    <StepRecord data={s.data} />
                    {s.attachments.map((a) => (
                      <a key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">
                        <PaperClipOutlined /> {a.fileName}
                      </a>
                    ))}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

const RECORD_LABELS: Record<string, string> = {
  findings: '核实情况',
  riskTypes: '风险',
  monitoringType: '类型',
  exclusionReason: '书面说明',
  meetingOn: '评议日期',
  attendance: '参会人数',
  result: '评议结果',
  startedOn: '公示开始',
  endsOn: '公示结束',
  opinion: '意见',
  announcedOn: '公告日期',
  rigidSpendingResolved: '刚性支出已解决',
};

function StepRecord({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data).filter(
    ([k, v]) => k in RECORD_LABELS && v !== undefined && v !== null && v !== '',
  );
  const objections = Array.isArray(data.objections)
    ? (data.objections as { receivedOn: string; content: string; handling: string }[])
    : [];
  if (entries.length === 0 && objections.length === 0) return null;
  return (
    <div style={{ fontSize: 13, color: '#555' }}>
      {entries.map(([k, v]) => (
        <div key={k}>
          {RECORD_LABELS[k]}：
          {k === 'riskTypes' && Array.isArray(v)
            ? v.map((r) => riskLabel(String(r))).join('、')
            : k === 'monitoringType'
              ? typeLabel(String(v))
              : typeof v === 'boolean'
                ? v
                  ? '是'
                  : '否'
                : String(v)}
        </div>
      ))}
      {objections.map((o, i) => (
        <div key={i}>
          异议（{o.receivedOn}）：{o.content}；处理：{o.handling}
        </div>
      ))}
    </div>
  );
}

function CriteriaCard({ c }: { c: CaseDetail }) {
  const t = useCasesText();
  return (
    <Card title={t('criteria')} style={{ marginTop: 16 }} data-testid="criteria">
      <Typography.Paragraph type="secondary">{t('criteriaHint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={c.criteria ?? []}
        renderItem={(x) => (
          <List.Item data-criterion={x.code} data-ok={String(x.ok)}>
            <Space align="start">
              {x.ok === null ? (
                <MinusCircleOutlined style={{ color: '#999' }} />
              ) : x.ok ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f' }} />
              )}
              <div>
                <Typography.Text strong>{x.labelZh}</Typography.Text>{' '}
                <Tag color={x.ok === null ? 'default' : x.ok ? 'green' : 'red'}>
                  {x.ok === null ? t('notRequired') : x.ok ? t('pass') : t('fail')}
                </Tag>
                <div style={{ color: '#666' }}>{x.detailZh}</div>
              </div>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function ComparisonCard({ c }: { c: CaseDetail }) {
  const t = useCasesText();
  const cmp = c.data.comparison as
    | {
        evidence?: {
          suggestion?: { reasonZh?: string };
          fired?: { ruleCode: string; nameZh: string }[];
          exclusionFlags?: unknown[];
        };
      }
    | undefined;
  if (!cmp?.evidence) return null;
  const e = cmp.evidence;
  return (
    <Card title={t('comparisonEvidence')} style={{ marginTop: 16 }}>
      {e.suggestion?.reasonZh && (
        <Typography.Paragraph>
          <Typography.Text strong>{t('suggestion')}：</Typography.Text>
          {e.suggestion.reasonZh}
        </Typography.Paragraph>
      )}
      <Space wrap>
        {(e.fired ?? []).map((f) => (
          <Tag key={f.ruleCode} color="volcano">
            {f.nameZh}
          </Tag>
        ))}
      </Space>
      {(e.exclusionFlags ?? []).length > 0 && (
        <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('exclusionFlags')} />
      )}
    </Card>
  );
}
