import { DownloadOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType, TableProps, TabsProps } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { RegistryOrgFilter } from '../pages/registry/RegistryOrgFilter.tsx';
import { EmptyState, QueryErrorResult } from './states.tsx';
import type { usePagedList } from './usePagedList.ts';

// The ledger page of the page kit (issue 18 point 4): a card with a title, a grey intro and the page's buttons, and
// under it (or under each tab) one LedgerList — a bar of filters kept in the address (usePagedList), the .xlsx export
// of what the filters select, and the table with 共 N 条 paging; a failed load shows the shared error with 重试, an
// empty list the shared empty state. Pages give their columns, filters and words; nothing else is written again.

/** One filter of the bar; every value lives in the address under `key`. */
export type LedgerFilter<F extends string> =
  /** 乡镇/村 tree (the unit's 12-digit code). */
  | { kind: 'org'; key?: F; width?: number }
  | {
      kind: 'select';
      key: F;
      placeholder?: string;
      options: { value: string; label: ReactNode }[];
      width?: number;
      /** false: a filter that always has a value (shown as `fallback` while the address has none). */
      clearable?: boolean;
      fallback?: string;
      testId?: string;
    }
  /** A year that always has a value (the page's default while the address has none). */
  | { kind: 'year'; key: F; value: number; years: readonly number[]; label: string }
  /** Free text, sent trimmed on Enter. */
  | { kind: 'search'; key: F; placeholder: string; width?: number; testId?: string }
  /** Anything else (a date range, a check box). */
  | { kind: 'node'; node: ReactNode };

/** The part of usePagedList's answer the list needs. */
type PagedList<T, F extends string> = Pick<
  ReturnType<typeof usePagedList<{ items: T[]; total: number; page: number; pageSize: number }, F>>,
  'filters' | 'setFilter' | 'tableProps'
> & { query: Pick<UseQueryResult<unknown>, 'isError' | 'error' | 'refetch'> };

export interface LedgerListProps<T, F extends string> {
  list: PagedList<T, F>;
  /** The bar's filters; none (and no export or actions): no bar — a page with its own bar gives it as `above`. */
  filters?: readonly LedgerFilter<F>[];
  /** The export of what the filters select (its button ends the bar). */
  exportUrl?: string;
  exportText?: string;
  /** After the export button (a template link …). */
  actions?: ReactNode;
  /** Above the filter bar (a status switch …). */
  above?: ReactNode;
  /** Between the bar and the table (totals …). */
  between?: ReactNode;
  /** The bar as one full-width row (a page that has a status switch above it). */
  barStyle?: CSSProperties;
  rowKey: TableProps<T>['rowKey'];
  columns: TableColumnsType<T>;
  testId?: string;
  emptyText: ReactNode;
  scrollX: number | string;
  /** The table's size (default middle; small for a list inside a tab of a household). */
  size?: TableProps<T>['size'];
  /** More antd Table props (onRow, expandable, summary …). */
  table?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'pagination' | 'onChange' | 'rowKey'>;
  /** After the table (the page's modals and drawers). */
  children?: ReactNode;
}

/** The filter bar, export and paged table of one ledger list. */
export function LedgerList<T extends object, F extends string>(props: LedgerListProps<T, F>) {
  const { list, filters = [], exportUrl, exportText, actions, above, between, barStyle, table } = props;
  return (
    <>
      {above}
      {(filters.length > 0 || exportUrl || actions) && (
        <Space wrap style={{ marginBottom: 16, ...barStyle }}>
          {filters.map((f, i) => (
            <FilterInput key={'key' in f && f.key ? f.key : `${f.kind}-${i}`} filter={f} list={list} />
          ))}
          {exportUrl && (
            <Button icon={<DownloadOutlined />} href={exportUrl} download>
              {exportText}
            </Button>
          )}
          {actions}
        </Space>
      )}
      {between}
      {list.query.isError ? (
        <QueryErrorResult error={list.query.error} onRetry={() => void list.query.refetch()} />
      ) : (
        <Table<T>
          rowKey={props.rowKey}
          size={props.size ?? 'middle'}
          data-testid={props.testId}
          columns={props.columns}
          {...list.tableProps}
          {...table}
          locale={{ emptyText: <EmptyState description={props.emptyText} /> }}
          scroll={{ x: props.scrollX }}
        />
      )}
      {props.children}
    </>
  );
}

function FilterInput<F extends string>({
  filter,
  list,
}: {
  filter: LedgerFilter<F>;
  list: Pick<PagedList<unknown, F>, 'filters' | 'setFilter'>;
}) {
  switch (filter.kind) {
    case 'org': {
      const key = filter.key ?? ('orgCode' as F);
      return (
        <RegistryOrgFilter
          value={list.filters[key]}
          onChange={(v) => list.setFilter(key, v)}
          style={{ width: filter.width ?? 200 }}
        />
      );
    }
    case 'select':
      return (
        <Select
          allowClear={filter.clearable !== false}
          placeholder={filter.placeholder}
          style={{ width: filter.width ?? 120 }}
          value={list.filters[filter.key] ?? filter.fallback}
          onChange={(v?: string) => list.setFilter(filter.key, v)}
          options={filter.options}
          data-testid={filter.testId}
        />
      );
    case 'year':
      return (
        <Select
          style={{ width: 110 }}
          aria-label={filter.label}
          value={filter.value}
          onChange={(v: number) => list.setFilter(filter.key, String(v))}
          options={filter.years.map((y) => ({ value: y, label: `${y}年` }))}
        />
      );
    case 'search':
      return (
        <Input.Search
          allowClear
          placeholder={filter.placeholder}
          style={{ width: filter.width ?? 180 }}
          defaultValue={list.filters[filter.key]}
          onSearch={(v) => list.setFilter(filter.key, v.trim() || undefined)}
          data-testid={filter.testId}
        />
      );
    case 'node':
      return <>{filter.node}</>;
  }
}

export interface LedgerListCardProps {
  title: ReactNode;
  testId?: string;
  /** The page's buttons (新增, 导入 …), shown to those who may write. */
  extra?: ReactNode;
  /** The grey sentence under the title. */
  intro?: ReactNode;
  /** One LedgerList per tab; or give the list as children. */
  tabs?: TabsProps['items'];
  /** Above the tabs (a summary), or the page's one list; modals and drawers may go here too. */
  children?: ReactNode;
}

/** A ledger page: the card, its intro, then the children and the tabs of lists (or one list as the children). */
export function LedgerListCard({ title, testId, extra, intro, tabs, children }: LedgerListCardProps) {
  return (
    <Card title={title} data-testid={testId} extra={extra || undefined}>
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      {children}
      {tabs && <Tabs items={tabs} />}
    </Card>
  );
}
