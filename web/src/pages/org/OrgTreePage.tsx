import { Card, Col, Row, Tree, Typography, type TreeDataNode } from 'antd';
import { useCallback, useMemo, useState, type Key } from 'react';
import type { OrgUnit } from '#web/api/org.ts';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { OrgSearch } from './OrgSearch.tsx';
import { OrgUnitDetail } from './OrgUnitDetail.tsx';
import { OrgUnitTitle } from './OrgUnitTitle.tsx';
import { toTreeData } from './orgTreeModel.ts';
import { useOrgTree } from './useOrgTree.ts';

export default function OrgTreePage() {
  const { t } = useI18n();
  const { treeQuery, model, loadChildren, revealPath } = useOrgTree(true);
  // Until the user touches the tree, the actor's own unit(s) are open and selected: the first
  // thing anyone wants is the level below them. Deriving it (not setting it in an effect) means
  // the tree mounts already open, without an expand animation.
  const [touchedExpanded, setExpandedKeys] = useState<Key[] | null>(null);
  const [touchedSelected, setSelected] = useState<string | null>(null);
  const expandedKeys = touchedExpanded ?? model.roots;
  const selected = touchedSelected ?? model.roots[0] ?? null;

  const knownName = useCallback((code: string) => model.units.get(code)?.name, [model]);
  const treeData = useMemo(
    () => toTreeData(model, (unit) => <OrgUnitTitle unit={unit} knownName={knownName} />),
    [model, knownName],
  );

  const pickFromSearch = async (unit: OrgUnit) => {
    const path = await revealPath(unit.code);
    setExpandedKeys(Array.from(new Set([...expandedKeys, ...path])));
    setSelected(unit.code);
    // The node renders after the children load; scroll once it is on screen.
    requestAnimationFrame(() =>
      document.querySelector(`[data-org-code="${unit.code}"]`)?.scrollIntoView({ block: 'center' }),
    );
  };

  if (treeQuery.isPending) return <PageLoading />;
  if (treeQuery.isError) return <QueryErrorResult error={treeQuery.error} onRetry={() => treeQuery.refetch()} />;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card title={t('org.title')}>
          <OrgSearch onPick={pickFromSearch} />
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 8px' }}>
            {t('org.treeHint')}
          </Typography.Paragraph>
          <Tree<TreeDataNode>
            showLine
            blockNode
            treeData={treeData}
            expandedKeys={expandedKeys}
            selectedKeys={selected ? [selected] : []}
            onExpand={(keys) => setExpandedKeys(keys)}
            onSelect={(keys) => keys.length > 0 && setSelected(String(keys[0]))}
            loadData={async (node) => {
              await loadChildren(String(node.key));
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <div style={{ position: 'sticky', top: 16 }}>
          <OrgUnitDetail
            code={selected}
            known={selected ? model.units.get(selected) : undefined}
            knownName={knownName}
          />
        </div>
      </Col>
    </Row>
  );
}
