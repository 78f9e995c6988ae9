import { useQuery } from '@tanstack/react-query';
import { Col, Row, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { fetchCockpit } from '#web/api/indicators.ts';
import { keys } from '#web/api/queryKeys.ts';
import { useActor } from '#web/auth/session.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { levelOfCode } from '#common/domain/org-code.ts';
import { AttainmentCard, StatusCounts } from './CockpitAttainment.tsx';
import { CockpitHeader, type Crumb } from './CockpitHeader.tsx';
import { CockpitRankingCard } from './CockpitRankingCard.tsx';
import { CockpitScorecard } from './CockpitScorecard.tsx';
import { CockpitTrendCard } from './CockpitTrendCard.tsx';
import type { Ind } from './cockpitShared.tsx';
import { VillageProfileCard } from './VillageProfileCard.tsx';
import { currentMonth } from './shared.tsx';

/** The unit, month and boundaries in the address; `set` changes some of them. */
function useCockpitAddress() {
  const { data: actor } = useActor();
  const [params, setParams] = useSearchParams();
  const home = actor?.orgCode ?? '140521000000';
  const set = (patch: Record<string, string>) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      Object.entries(patch).forEach(([k, v]) => n.set(k, v));
      return n;
    });
  return {
    org: params.get('org') ?? home,
    period: params.get('period') ?? currentMonth(),
    boundaries: params.get('boundaries') ?? 'asOfPeriod',
    set,
  };
}

/** /indicators/cockpit — 指标驾驶舱: attainment against targets, trends, township scorecard, drill-down. */
export default function CockpitPage() {
  const { org, period, boundaries, set } = useCockpitAddress();
  const [trail, setTrail] = useState<Crumb[]>([]);
  const q = useQuery({
    queryKey: keys.indicators.cockpit(org, period, boundaries),
    queryFn: () => fetchCockpit({ org, period, boundaries }),
  });
  const [selected, setSelected] = useState<string>('CONSOLIDATION_RATE');
  const drill = (code: string, name: string) => {
    if (q.data)
      setTrail((t) => [
        ...t.filter((x) => x.code !== q.data.unit.code),
        { code: q.data.unit.code, name: q.data.unit.name },
      ]);
    set({ org: code });
    void name;
  };
  const back = (code: string) => {
    setTrail((x) =>
      x.slice(
        0,
        x.findIndex((y) => y.code === code),
      ),
    );
    set({ org: code });
  };
  const data = q.data;
  const ind: Ind | undefined = data?.indicators.find((i) => i.code === selected) ?? data?.indicators[0];
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => q.refetch()} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <CockpitHeader {...{ trail, org, period, boundaries, set }} onBack={back} unitName={data?.unit.name} />
      {data && <StatusCounts data={data} />}
      {levelOfCode(org) === 'village' && <VillageProfileCard org={org} year={Number(period.slice(0, 4))} />}
      <AttainmentCard data={data} loading={q.isLoading} selected={ind} onSelect={setSelected} />
      {data && ind && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <CockpitTrendCard ind={ind} indicators={data.indicators} onSelect={setSelected} />
          </Col>
          <Col xs={24} lg={12}>
            <CockpitRankingCard data={data} ind={ind} onDrill={drill} />
          </Col>
        </Row>
      )}
      {data && data.children.length > 0 && <CockpitScorecard data={data} onDrill={drill} />}
    </Space>
  );
}
