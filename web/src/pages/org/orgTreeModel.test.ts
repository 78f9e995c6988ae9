import { describe, expect, it } from 'vitest';
import type { OrgTreeNode, OrgUnit } from '#web/api/org.ts';
import { ancestorCodes, buildOrgTreeModel, toTreeData } from './orgTreeModel.ts';

const unit = (code: string, name: string, overrides: Partial<OrgUnit> = {}): OrgUnit => ({
  code,
  name,
  level: code.slice(6, 9) === '000' ? 'county' : code.slice(9) === '000' ? 'township' : 'village',
  kind: '',
  parentCode: null,
  validFrom: '1949-10-01',
  validTo: null,
  successorCode: null,
  synthetic: false,
  note: null,
  childCount: 0,
  ...overrides,
});
const node = (u: OrgUnit, children: OrgTreeNode[] = []): OrgTreeNode => ({ ...u, children });

const tree = [
  node(unit('140521000000', '沁水县', { childCount: 3 }), [
    node(unit('140521200000', '樊村河乡', { childCount: 8, validTo: '2021-02-01', successorCode: '140521100000' })),
    node(unit('140521100000', '龙港镇', { childCount: 30 })),
    node(unit('140521104000', '嘉峰镇', { childCount: 0 })),
  ]),
];

describe('org tree model', () => {
  it('knows which children are loaded and which still need /children', () => {
    const model = buildOrgTreeModel(tree, {});
    expect(model.roots).toEqual(['140521000000']);
    expect(model.childrenOf.get('140521000000')).toHaveLength(3);
    expect(model.childrenOf.has('140521100000')).toBe(false);
    expect(model.childrenOf.get('140521104000')).toEqual([]);
  });

  it('merges lazily loaded children and lists open units before merged ones', () => {
    const model = buildOrgTreeModel(tree, { '140521100000': [unit('140521100201', '东庄村')] });
    const [county] = toTreeData(model, (u) => u.name);
    expect(county.children?.map((child) => child.title)).toEqual(['龙港镇', '嘉峰镇', '樊村河乡']);
    const longgang = county.children?.[0];
    expect(longgang?.isLeaf).toBe(false);
    expect(longgang?.children?.map((child) => child.key)).toEqual(['140521100201']);
    expect(county.children?.[1].isLeaf).toBe(true);
  });

  it('leaves unloaded branches without children so the tree asks for them', () => {
    const [county] = toTreeData(buildOrgTreeModel(tree, {}), (u) => u.name);
    expect(county.children?.[0].children).toBeUndefined();
    expect(county.children?.[0].isLeaf).toBe(false);
  });

  it.each([
    ['140521000000', []],
    ['140521100000', ['140521000000']],
    ['140521100201', ['140521000000', '140521100000']],
    ['140521100201001', ['140521000000', '140521100000', '140521100201']],
  ])('ancestors of %s', (code, expected) => {
    expect(ancestorCodes(code)).toEqual(expected);
  });
});
