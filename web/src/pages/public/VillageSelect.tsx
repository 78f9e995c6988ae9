import { useQuery } from '@tanstack/react-query';
import { Button, Select } from 'antd';
import { useMemo, useState } from 'react';
import { fetchPublicVillages, type PublicVillage } from '#web/api/monitoring.ts';
import { keys } from '#web/api/queryKeys.ts';
import { useApplyText } from './applyText.ts';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}

/** 乡镇 first, then 村: village names repeat across townships, so the township narrows the list. */
export function VillageSelect({ value, onChange, id }: Props) {
  const tx = useApplyText();
  const query = useQuery({
    queryKey: keys.publicApply.villages(),
    queryFn: fetchPublicVillages,
    staleTime: 60 * 60_000,
  });
  const villages = useMemo(() => query.data ?? [], [query.data]);
  const [township, setTownship] = useState<string | undefined>();
  const current = villages.find((v) => v.code === value);
  const chosenTownship = township ?? current?.townshipName;
  const townships = useMemo(() => [...new Set(villages.map((v) => v.townshipName))], [villages]);
  const inTownship = villages.filter((v: PublicVillage) => v.townshipName === chosenTownship);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} id={id}>
      <Select
        size="large"
        placeholder={tx('chooseTownship')}
        loading={query.isPending}
        value={chosenTownship}
        onChange={(next: string) => {
          setTownship(next);
          onChange?.(undefined);
        }}
        options={townships.map((name) => ({ value: name, label: name }))}
        data-testid="apply-township"
        status={query.isError ? 'error' : undefined}
        notFoundContent={
          query.isError ? (
            <Button type="link" onClick={() => void query.refetch()} data-testid="apply-villages-retry">
              {tx('villagesFailed')}
            </Button>
          ) : undefined
        }
        aria-label={tx('township')}
      />
      <Select
        size="large"
        placeholder={chosenTownship ? tx('chooseVillage') : tx('townshipFirst')}
        disabled={!chosenTownship}
        value={value}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(code: string) => onChange?.(code)}
        options={inTownship.map((v) => ({ value: v.code, label: v.name }))}
        data-testid="apply-village"
        aria-label={tx('villageLabel')}
      />
    </div>
  );
}
