import { useQuery } from '@tanstack/react-query';
import { Space } from 'antd';
import { useState } from 'react';
import { analysisKeys, fetchScenarios } from '#web/api/analysis.ts';
import { NewScenarioModal } from './NewScenarioModal.tsx';
import { ScenarioListCard } from './ScenarioListCard.tsx';
import { ScenarioResult } from './ScenarioResult.tsx';

// 政策试算: saved scenarios, a new one (runs as a job), one scenario's result with who enters and
// leaves, a household's explanation under both settings, the .xlsx and a comparison of two.

export default function WhatIfPage() {
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const list = useQuery({
    queryKey: [...analysisKeys.scenarios(), page],
    queryFn: () => fetchScenarios({ page, pageSize: 10 }),
    refetchInterval: (q) => (q.state.data?.items.some((s) => s.status === 'running') ? 1000 : false),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ScenarioListCard list={list} page={page} onPage={setPage} onOpen={setSelected} onNew={() => setCreating(true)} />
      {selected !== null && (
        <ScenarioResult
          id={selected}
          others={(list.data?.items ?? []).filter((s) => s.id !== selected && s.status === 'succeeded')}
        />
      )}
      <NewScenarioModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
