import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SortOrder } from '#common/contracts/paging.ts';
import { useI18n } from '../i18n/useI18n.ts';

// The web side of the paged-list convention (common/contracts/paging.ts): filters, page, page size
// and sort live in the address (a link or "back" keeps them), the server answers one numbered page
// with the total, and the antd Table's pagination ("共 N 户") and column sorters are wired to it.

export interface PagedAnswer<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageRequest {
  page: number;
  pageSize: number;
  sort?: string;
  order?: SortOrder;
}

/** What the total counts: 户 (households) or 条 (rows). */
export type TotalUnit = 'households' | 'items';

const UNIT = { households: { zh: '户', en: 'households' }, items: { zh: '条', en: 'items' } } as const;
const PAGING_KEYS = ['page', 'pageSize', 'sort', 'order'];

export function totalText(language: string, total: number, unit: TotalUnit): string {
  return language === 'en' ? `${total} ${UNIT[unit].en} in all` : `共 ${total} ${UNIT[unit].zh}`;
}

export interface PagedListOptions<A extends PagedAnswer<unknown>, F extends string> {
  /** The query-key prefix of the list (the filters and page are added). */
  key: readonly unknown[];
  /** The address parameters that are filters. */
  filterKeys: readonly F[];
  fetch: (filters: Partial<Record<F, string>>, page: PageRequest) => Promise<A>;
  unit?: TotalUnit;
  defaultPageSize?: number;
  /** Filters that must be present before the list is fetched. */
  enabled?: boolean;
  /** The order when the address names none (e.g. newest first). */
  defaultSort?: { sort: string; order: SortOrder };
  /**
   * A tab's own paging in the address: `page`, `pageSize`, `sort`, `order` become `<prefix>Page` … (e.g.
   * `redemptionsPage=2`), so paging one tab of a page does not move another. Filters stay shared by name.
   */
  prefix?: string;
}

/** The address parameter of a paging key under a tab's prefix (`page` → `awardsPage`). */
export function pagingParam(prefix: string | undefined, name: string): string {
  return prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name;
}

/** Deletes every list's page number (`page`, `<tab>Page`): a changed filter starts each list at page 1. */
export function resetPages(params: URLSearchParams): void {
  for (const k of [...params.keys()]) if (k === 'page' || /^[a-z][A-Za-z0-9]*Page$/.test(k)) params.delete(k);
}

export function usePagedList<A extends PagedAnswer<unknown>, F extends string>(options: PagedListOptions<A, F>) {
  type T = A['items'][number];
  const {
    key,
    filterKeys,
    fetch: fetchPage,
    unit = 'items',
    defaultPageSize = 20,
    enabled = true,
    defaultSort,
    prefix,
  } = options;
  const P = {
    page: pagingParam(prefix, 'page'),
    pageSize: pagingParam(prefix, 'pageSize'),
    sort: pagingParam(prefix, 'sort'),
    order: pagingParam(prefix, 'order'),
  };
  const { language } = useI18n();
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const out: Partial<Record<F, string>> = {};
    for (const k of filterKeys) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [params, filterKeys]);
  const page = Math.max(1, Number(params.get(P.page)) || 1);
  const pageSize = Math.max(1, Number(params.get(P.pageSize)) || defaultPageSize);
  const sort = params.get(P.sort) ?? defaultSort?.sort;
  const order: SortOrder | undefined = !params.get(P.sort)
    ? defaultSort?.order
    : params.get(P.order) === 'desc'
      ? 'desc'
      : 'asc';
  const request: PageRequest = { page, pageSize, sort, order };

  const query = useQuery({
    queryKey: [...key, filters, request],
    queryFn: () => fetchPage(filters, request),
    placeholderData: keepPreviousData,
    enabled,
  });

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  /** Sets filters (a changed filter goes back to page 1). */
  const setFilters = useCallback(
    (values: Partial<Record<F, string | undefined>>) =>
      update((next) => {
        for (const [k, v] of Object.entries(values) as [string, string | undefined][]) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        resetPages(next);
      }),
    [update],
  );
  const setFilter = useCallback((k: F, v: string | undefined) => setFilters({ [k]: v } as never), [setFilters]);
  const resetFilters = useCallback(
    () =>
      update((next) => {
        for (const k of filterKeys) next.delete(k);
        for (const k of PAGING_KEYS) next.delete(pagingParam(prefix, k));
      }),
    [update, filterKeys, prefix],
  );

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    update((next) => {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
      const sortKey = s?.order ? String(s.columnKey ?? s.field ?? '') : '';
      if (sortKey) {
        next.set(P.sort, sortKey);
        next.set(P.order, s!.order === 'descend' ? 'desc' : 'asc');
      } else {
        next.delete(P.sort);
        next.delete(P.order);
      }
      const size = pagination.pageSize ?? pageSize;
      if (size === defaultPageSize) next.delete(P.pageSize);
      else next.set(P.pageSize, String(size));
      const nextPage = extra.action === 'paginate' && size === pageSize ? (pagination.current ?? 1) : 1;
      if (nextPage > 1) next.set(P.page, String(nextPage));
      else next.delete(P.page);
    });
  };

  /** Spread on a sortable column: its key is the server's sort key. */
  const sortable = (columnKey: string) => ({
    key: columnKey,
    sorter: true,
    sortOrder: sort === columnKey ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
  });

  const total = query.data?.total ?? 0;
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => totalText(language, n, unit),
  };

  return {
    filters,
    setFilter,
    setFilters,
    resetFilters,
    query,
    rows: (query.data?.items ?? []) as T[],
    total,
    request,
    sortable,
    /** Spread on the antd Table. */
    tableProps: {
      dataSource: (query.data?.items ?? []) as T[],
      loading: query.isPending && enabled,
      pagination,
      onChange,
    } satisfies Partial<TableProps<T>>,
  };
}
