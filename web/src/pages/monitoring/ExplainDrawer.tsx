import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Collapse, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { formatFen } from '#common/domain/money.ts';
import { MONITORING_TYPES } from '#common/domain/registry/codes.ts';
import { fetchExplain, type ExplainResponse } from '#web/api/monitoring.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n, pickIn } from '#web/i18n/useI18n.ts';
import { evidenceHeadline } from './evidenceHeadline.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { riskLabel } from './labels.ts';
import { fill } from './text.ts';
import { useWarningsText } from './warningsText.ts';
import { keys } from '#web/api/queryKeys.ts';

type RuleResult = ExplainResponse['rules'][number];
const typeLabel = (code: string | null | undefined) => MONITORING_TYPES.find((t) => t.code === code)?.zh ?? null;

function RuleCard({ rule }: { rule: RuleResult }) {
  const { language } = useI18n();
  const tx = useWarningsText();
  const flag = rule.ruleCode === 'EXCLUSION_FLAG';
  const headline = rule.evidence ? evidenceHeadline(rule.ruleCode, rule.evidence) : '';
  const state = rule.state === 'new' ? tx('stateNew') : rule.state === 'persisting' ? tx('statePersisting') : null;
  return (
    <Card
      size="small"
      data-testid={`explain-rule-${rule.ruleCode}`}
      title={
        <Space wrap size={6}>
          <span>{pickIn(language, rule.nameZh, rule.nameEn)}</span>
          {rule.riskType && <Tag color="blue">{riskLabel(rule.riskType, language)}</Tag>}
          {state && <Tag color={rule.state === 'new' ? 'red' : 'orange'}>{state}</Tag>}
          {flag && <Tag color="volcano">{tx('writtenReason')}</Tag>}
        </Space>
      }
    >
      {flag ? (
        <Alert type="warning" showIcon title={tx('writtenReasonHint')} style={{ marginBottom: 8 }} />
      ) : (
        headline && <Alert type="error" title={headline} style={{ marginBottom: 8 }} data-testid="explain-headline" />
      )}
      <EvidenceList evidence={rule.evidence} />
    </Card>
  );
}

function Suggestion({ explain }: { explain: ExplainResponse }) {
  const tx = useWarningsText();
  const s = explain.suggestion;
  const type = typeLabel(s.type);
  return (
    <Card
      size="small"
      title={tx('suggestion')}
      data-testid="explain-suggestion"
      style={{ borderColor: type ? '#ffa940' : undefined }}
    >
      <Space orientation="vertical" size={6}>
        <Space wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {type ?? tx('suggestionNone')}
          </Typography.Text>
          {s.needsWrittenReason && <Tag color="volcano">{tx('writtenReason')}</Tag>}
        </Space>
        <Typography.Paragraph style={{ margin: 0 }}>{s.reasonZh}</Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tx('suggestionNote')}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** Why a household is warned this month: each rule with figures vs thresholds, and the type suggestion. */
export function ExplainDrawer({
  householdId,
  period,
  village,
  onClose,
}: {
  householdId: number | null;
  period: string;
  village?: string | null;
  onClose: () => void;
}) {
  const tx = useWarningsText();
  const query = useQuery({
    queryKey: keys.monitoring.explain(householdId ?? 0, period),
    queryFn: () => fetchExplain(householdId!, period),
    enabled: householdId !== null,
  });
  const explain = query.data;
  return (
    <Drawer
      open={householdId !== null}
      onClose={onClose}
      size={720}
      title={
        explain
          ? fill(tx('explainTitle'), { no: explain.householdNo, period: explain.period }) +
            (village ? ` · ${village}` : '')
          : tx('explain')
      }
      extra={householdId !== null && <HouseholdLink id={householdId}>{tx('householdPage')}</HouseholdLink>}
    >
      {householdId !== null && <ExplainContent householdId={householdId} period={period} />}
    </Drawer>
  );
}

/**
 * The explanation itself (facts, suggestion, fired rules with evidence), also shown above the township's
 * decision at 信息比对. Without a period the server explains the current month, as the case records it.
 */
export function ExplainContent({ householdId, period }: { householdId: number; period?: string }) {
  const { language } = useI18n();
  const tx = useWarningsText();
  const query = useQuery({
    queryKey: keys.monitoring.explain(householdId, period ?? 'current'),
    queryFn: () => fetchExplain(householdId, period),
  });
  const explain = query.data;
  const fired = explain?.rules.filter((r) => r.fired) ?? [];
  const quiet = explain?.rules.filter((r) => !r.fired) ?? [];
  const facts = explain?.facts;
  const statusWord = (s: string | undefined) =>
    s === 'monitored' ? tx('statusMonitored') : s === 'eliminated' ? tx('statusEliminated') : tx('statusNone');

  return (
    <>
      {query.isPending && <PageLoading />}
      {query.isError && <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />}
      {explain && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              {
                key: 'period',
                label: tx('window'),
                children: `${explain.window.from} ${pickIn(language, '至', 'to')} ${explain.window.to}`,
                span: 2,
              },
              {
                key: 'kind',
                label: tx('kind'),
                children: facts?.kind === 'alleviated' ? '脱贫户' : '一般农户',
              },
              {
                key: 'status',
                label: tx('monitoringStatus'),
                children: statusWord(facts?.monitoringStatus),
              },
              {
                key: 'type',
                label: tx('monitoringType'),
                children: typeLabel(facts?.monitoringType) ?? '—',
              },
              {
                key: 'year',
                label: tx('incomeYear'),
                children: facts?.incomeYear ?? '—',
              },
              {
                key: 'pc',
                label: tx('perCapita'),
                children: facts?.perCapitaFen == null ? '—' : `${formatFen(facts.perCapitaFen)} 元`,
                span: 2,
              },
            ]}
          />
          <Suggestion explain={explain} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {fill(tx('firedRules'), { n: fired.length })}
          </Typography.Title>
          {fired.length === 0 && <Typography.Text type="secondary">{tx('noneFired')}</Typography.Text>}
          {fired.map((rule) => (
            <RuleCard key={rule.ruleCode} rule={rule} />
          ))}
          <Collapse
            size="small"
            items={[
              {
                key: 'quiet',
                label: fill(tx('notFired'), { n: quiet.length }),
                children: (
                  <Space wrap size={[8, 6]}>
                    {quiet.map((rule) => (
                      <Tag key={rule.ruleCode} color={rule.state === 'resolved' ? 'green' : undefined}>
                        {pickIn(language, rule.nameZh, rule.nameEn)}
                        {rule.state === 'resolved' ? ` · ${tx('stateResolved')}` : ''}
                        {rule.appliesTo === 'notMonitored' && facts?.monitoringStatus === 'monitored'
                          ? ` · ${tx('onlyNotMonitored')}`
                          : ''}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      )}
    </>
  );
}
