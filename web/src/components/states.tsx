import type { UseQueryResult } from '@tanstack/react-query';
import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n.ts';
import { PageLoading } from './PageLoading.tsx';
import { QueryErrorResult } from './QueryErrorResult.tsx';

// The shared page states (issue 18 point 4): loading, empty, error with 重试. Every page that loads data shows
// all three the same way; `QueryState` wires them to a react-query result.

export { PageLoading, QueryErrorResult };

export function EmptyState({ description, children }: { description?: ReactNode; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')}>
      {children}
    </Empty>
  );
}

interface QueryStateProps<T> {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'isError' | 'refetch'>;
  /** When true for the data, the empty state shows instead of children. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading → spinner; failed → the error in words with 重试; empty (if asked) → EmptyState; else the children. */
export function QueryState<T>({ query, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <PageLoading />;
  if (isEmpty?.(query.data)) return <>{empty ?? <EmptyState />}</>;
  return <>{children(query.data)}</>;
}
