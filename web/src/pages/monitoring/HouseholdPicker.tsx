import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { fetchWorkspace } from '#web/api/assistance.ts';
import { searchHouseholds, type HouseholdListRow } from '#web/api/monitoring.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { useCommonText } from './text.ts';
import { keys } from '#web/api/queryKeys.ts';

interface Props {
  value?: number;
  onChange?: (id: number | undefined, household?: HouseholdListRow) => void;
  id?: string;
  size?: 'large' | 'middle';
}

type PickerRow = Pick<HouseholdListRow, 'id' | 'headName' | 'householdNo' | 'villageName'> & Partial<HouseholdListRow>;

export function householdTitle(h: Pick<HouseholdListRow, 'headName' | 'householdNo' | 'villageName'>): string {
  return `${h.headName ?? '—'} · ${h.villageName} · ${h.householdNo}`;
}

/**
 * Finds a household in the actor's area by head name, 户编号 or ID number (server search). A paired
 * cadre, who reads no registry, picks from the households paired with him.
 */
export function HouseholdPicker({ value, onChange, id, size }: Props) {
  const tc = useCommonText();
  const { data: actor } = useActor();
  const pairedOnly = !!actor && !hasPermission(actor, 'registry:read');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<PickerRow | undefined>();

  // Wait for a pause in typing so each keystroke is not a request.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const query = useQuery({
    queryKey: keys.monitoring.households(q),
    queryFn: () => searchHouseholds(q),
    enabled: !pairedOnly && q.length >= 2,
    staleTime: 60_000,
  });
  const paired = useQuery({
    queryKey: keys.assistance.workspace,
    queryFn: fetchWorkspace,
    enabled: pairedOnly,
    staleTime: 60_000,
  });
  const pairedRows: PickerRow[] = (paired.data?.households ?? [])
    .map((h) => ({
      id: h.householdId,
      headName: h.headName,
      householdNo: h.householdNo,
      villageName: h.villageName ?? '',
    }))
    .filter((h) => !q || householdTitle(h).includes(q));
  const rows: PickerRow[] = pairedOnly ? pairedRows : (query.data?.items ?? []);
  const options = [...(chosen && !rows.some((r) => r.id === chosen.id) ? [chosen] : []), ...rows].map((h) => ({
    value: h.id,
    label: householdTitle(h),
  }));

  return (
    <Select<number>
      id={id}
      size={size}
      value={value}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      placeholder={tc('householdSearch')}
      notFoundContent={
        pairedOnly ? tc('householdNotFound') : q.length >= 2 && !query.isFetching ? tc('householdNotFound') : null
      }
      loading={query.isFetching || paired.isFetching}
      options={options}
      onChange={(next) => {
        const household = rows.find((r) => r.id === next) ?? (chosen?.id === next ? chosen : undefined);
        setChosen(household);
        onChange?.(next ?? undefined, household as HouseholdListRow | undefined);
      }}
      style={{ width: '100%' }}
      data-testid="household-picker"
    />
  );
}
