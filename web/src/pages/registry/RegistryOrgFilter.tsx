import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { toTreeData } from '../org/orgTreeModel.ts';
import { useOrgTree } from '../org/useOrgTree.ts';
import { useRegistryText } from './text.ts';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  style?: CSSProperties;
}

/** 乡镇/村 filter: any unit of the actor's tree, searchable by name, clearable. */
export function RegistryOrgFilter({ value, onChange, style }: Props) {
  const { t } = useRegistryText();
  const { model, loadChildren, treeQuery } = useOrgTree(false);
  const treeData = useMemo(() => {
    const decorate = (nodes: ReturnType<typeof toTreeData>): ReturnType<typeof toTreeData> =>
      nodes.map((node) => ({
        ...node,
        value: String(node.key),
        // Villager groups are below the registry's village level: show villages as leaves.
        isLeaf: node.isLeaf || model.units.get(String(node.key))?.level === 'village',
        children:
          model.units.get(String(node.key))?.level === 'village' ? undefined : node.children && decorate(node.children),
      }));
    return decorate(toTreeData(model, (unit) => unit.name));
  }, [model]);

  return (
    <TreeSelect
      data-testid="registry-org-filter"
      value={value}
      onChange={(code?: string) => onChange?.(code || undefined)}
      treeData={treeData}
      loading={treeQuery.isPending}
      placeholder={t('orgFilter')}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={model.roots}
      loadData={async (node) => {
        await loadChildren(String(node.value));
      }}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
