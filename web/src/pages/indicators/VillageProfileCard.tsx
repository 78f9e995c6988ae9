import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { fetchVillageProfile, indicatorKeys, type VillageProfile } from '#web/api/indicators.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useL } from './shared.tsx';

type Fact = VillageProfile['sections'][number]['facts'][number];

/** 村情: the village programmes of one village on the cockpit's village view, each linking to its page. */
export function VillageProfileCard({ org, year }: { org: string; year: number }) {
  const l = useL();
  const q = useQuery({
    queryKey: indicatorKeys.villageProfile(org, year),
    queryFn: () => fetchVillageProfile({ org, year }),
  });
  const value = (f: Fact) => {
    if (f.value === null) return <Typography.Text type="secondary">{l('未登记', 'None recorded')}</Typography.Text>;
    const text =
      typeof f.value === 'number' ? `${Number(f.value.toFixed(2))} ${l(f.unitZh ?? '', f.unitEn ?? '')}` : f.value;
    return f.tone === 'warn' ? <Tag color="red">{text}</Tag> : text;
  };
  return (
    <Card
      title={`${l('村情：村级帮扶机制', 'Village programmes')} · ${year}`}
      loading={q.isLoading}
      data-testid="village-profile"
    >
      {q.isError && <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      <Row gutter={[16, 16]}>
        {q.data?.sections.map((s) => (
          <Col key={s.key} xs={24} md={12} xl={6}>
            <Card size="small" title={l(s.titleZh, s.titleEn)} extra={<Link to={s.link}>{l('查看', 'Open')}</Link>}>
              <Descriptions
                size="small"
                column={1}
                items={s.facts.map((f) => {
                  const missing = f.tone === 'warn' && f.value === null;
                  return {
                    key: f.key,
                    label: l(f.labelZh, f.labelEn),
                    children: missing ? <Tag color="red">{l('缺少（须派驻）', 'Missing (required)')}</Tag> : value(f),
                  };
                })}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
