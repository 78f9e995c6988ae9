import { useQuery } from '@tanstack/react-query';
import { fetchOrgUnit } from '#web/api/org.ts';
import { keys } from '#web/api/queryKeys.ts';

/** The successor's name; fetched only when the unit is not already in the loaded tree. */
export function SuccessorName({ code, knownName }: { code: string; knownName?: string }) {
  const { data } = useQuery({
    queryKey: keys.org.unit(code),
    queryFn: () => fetchOrgUnit(code),
    enabled: knownName === undefined,
    staleTime: 5 * 60_000,
  });
  return <>{knownName ?? data?.name ?? code}</>;
}
