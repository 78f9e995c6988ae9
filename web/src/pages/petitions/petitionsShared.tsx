import { useQueryClient } from '@tanstack/react-query';
import { App, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { petitionKeys, type PetitionPage } from '#web/api/petitions.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { chinaToday } from '#web/components/chinaDay.ts';
import { usePetitionText } from './text.ts';

export type Row = PetitionPage['items'][number];

export const options = (list: readonly { code: string; zh: string }[]) =>
  list.map((k) => ({ value: k.code, label: k.zh }));

export const day = (d: Dayjs) => d.format('YYYY-MM-DD');

const thisYear = Number(chinaToday().format('YYYY'));

export const yearOptions = Array.from({ length: 6 }, (_, i) => ({
  value: String(thisYear - i),
  label: String(thisYear - i),
}));

export function useCanWrite() {
  const { data: actor } = useActor();
  return hasPermission(actor, 'clues:write') && actor?.role !== 'auditor';
}

/** The handling status of a row: closed, overdue by N days, due today, or N days left (China day, from the server). */
export function StatusTag({ row }: { row: Pick<Row, 'closedOn' | 'overdue' | 'daysLeft'> }) {
  const t = usePetitionText();
  if (row.closedOn) return <Tag>{t('statusClosed')}</Tag>;
  if (row.overdue) return <Tag color="red">{t('daysOver', { n: -(row.daysLeft ?? 0) })}</Tag>;
  if (row.daysLeft === 0) return <Tag color="orange">{t('dueToday')}</Tag>;
  return <Tag color="blue">{t('daysLeft', { n: row.daysLeft ?? 0 })}</Tag>;
}

/** After a save: the toast, and every petition query reloaded. */
export function useDone() {
  const t = usePetitionText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async () => {
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: petitionKeys.all });
  };
}
