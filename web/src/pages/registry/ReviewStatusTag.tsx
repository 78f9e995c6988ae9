import { Tag } from 'antd';
import type { ChangeRow } from '#web/api/registry.ts';
import { useRegistryText } from './text.ts';

/** 待审核 / 已审核通过 / 已退回 for village edits; nothing for edits that need no review. */
export function ReviewStatusTag({ status }: { status: ChangeRow['reviewStatus'] }) {
  const { t } = useRegistryText();
  if (status === 'pending') return <Tag color="orange">{t('reviewPending')}</Tag>;
  if (status === 'confirmed') return <Tag color="green">{t('reviewConfirmed')}</Tag>;
  if (status === 'rejected') return <Tag color="red">{t('reviewRejected')}</Tag>;
  return null;
}
