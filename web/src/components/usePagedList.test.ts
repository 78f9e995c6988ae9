import { describe, expect, it } from 'vitest';
import { pagingParam, resetPages } from './usePagedList.ts';

describe('tab paging in the address', () => {
  it('names a tab’s paging keys under its prefix, the first tab’s plainly', () => {
    expect(pagingParam(undefined, 'page')).toBe('page');
    expect(pagingParam('awards', 'page')).toBe('awardsPage');
    expect(pagingParam('awards', 'pageSize')).toBe('awardsPageSize');
    expect(pagingParam('redemptions', 'sort')).toBe('redemptionsSort');
  });

  it('a changed filter sends every tab back to page 1, keeping sizes, sorts and filters', () => {
    const params = new URLSearchParams(
      'orgCode=140521&page=3&awardsPage=2&awardsPageSize=50&rulesSort=points&redemptionsPage=4&q=x',
    );
    resetPages(params);
    expect(params.toString()).toBe('orgCode=140521&awardsPageSize=50&rulesSort=points&q=x');
  });
});
