import { TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import type { OrgLevel } from '#common/domain/roles.ts';
import { ORG_LEVEL_LABELS } from '#common/domain/roles.ts';
import type { OrgUnit } from '#web/api/org.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { toTreeData } from './orgTreeModel.ts';
import { useOrgTree } from './useOrgTree.ts';

interface Props {
  value?: string;
  onChange?: (code: string) => void;
  /** Units at other levels stay visible (to open them) but cannot be picked. */
  allowedLevels?: readonly OrgLevel[];
  id?: string;
}

/** Picks an open org unit from the actor's tree; children load when a branch is opened. */
export function OrgUnitPicker({ value, onChange, allowedLevels, id }: Props) {
  const { t, label } = useI18n();
  const { model, loadChildren, revealPath, treeQuery } = useOrgTree(false);

  // An existing value deep in the tree needs its branch loaded to show its name.
  useEffect(() => {
    if (value && model.roots.length > 0 && !model.units.has(value)) void revealPath(value);
  }, [value, model, revealPath]);

  const treeData = useMemo(() => {
    const title = (unit: OrgUnit) => `${unit.name}（${label(ORG_LEVEL_LABELS[unit.level])}）${unit.code}`;
    const allowed = (unit: OrgUnit) => !allowedLevels || allowedLevels.includes(unit.level);
    const decorate = (nodes: ReturnType<typeof toTreeData>): ReturnType<typeof toTreeData> =>
      nodes.map((node) => {
        const unit = model.units.get(String(node.key))!;
        return {
          ...node,
          value: unit.code,
          title: title(unit),
          disabled: !allowed(unit),
          children: node.children && decorate(node.children),
        };
      });
    return decorate(toTreeData(model, (unit) => unit.name));
  }, [model, allowedLevels, label]);

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={treeQuery.isPending}
      placeholder={t('org.pickerPlaceholder')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={model.roots}
      loadData={async (node) => {
        await loadChildren(String(node.value));
      }}
      style={{ width: '100%' }}
    />
  );
}
