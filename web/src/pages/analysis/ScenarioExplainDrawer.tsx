import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Tag } from 'antd';
import { analysisKeys, fetchScenarioExplain, type ChangeRow } from '#web/api/analysis.ts';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useAnalysisText, type AnalysisTextKey } from './text.ts';

interface Props {
  scenarioId: number;
  row: ChangeRow | null;
  onClose: () => void;
}

/** 判断依据: the rules that fire for one household under the settings in force and under the scenario's. */
export function ScenarioExplainDrawer({ scenarioId, row, onClose }: Props) {
  const t = useAnalysisText();
  const q = useQuery({
    queryKey: analysisKeys.explain(scenarioId, row?.householdId ?? 0),
    queryFn: () => fetchScenarioExplain(scenarioId, row!.householdId),
    enabled: row !== null,
  });
  const side = (title: AnalysisTextKey, fired: { ruleCode: string; nameZh: string }[] | undefined) => (
    <Descriptions.Item label={t(title)}>
      {fired && fired.length ? fired.map((f) => <Tag key={f.ruleCode}>{f.nameZh}</Tag>) : t('none')}
    </Descriptions.Item>
  );
  return (
    <Drawer open={row !== null} onClose={onClose} title={`${t('explain')} · ${row?.householdNo ?? ''}`} width={360}>
      {q.isError ? (
        <QueryErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Descriptions column={1} bordered size="small" data-testid="scenario-explain">
          {side('baseRules', q.data?.base.fired)}
          {side('proposedRules', q.data?.proposed.fired)}
        </Descriptions>
      )}
    </Drawer>
  );
}
