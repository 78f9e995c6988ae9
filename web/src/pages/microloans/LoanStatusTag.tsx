import { Tag } from 'antd';
import type { LoanPage } from '#web/api/microloans.ts';
import { useMicroloansText } from './text.ts';

/** The status of a loan as a tag: overdue (with its days) before anything else. */
export function LoanStatusTag({ loan }: { loan: LoanPage['items'][number] }) {
  const t = useMicroloansText();
  if (loan.overdue) return <Tag color="red">{t('overdueDays', { n: loan.overdueDays })}</Tag>;
  if (loan.status === 'active') return <Tag color="green">{t('active')}</Tag>;
  return <Tag>{t(loan.status)}</Tag>;
}
