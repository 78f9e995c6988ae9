import { defineMessages, useMessages } from '#web/i18n/useI18n.ts';

// The workbench page's words as [中文, English] pairs (the module keeps its own dictionary).

const TEXT = defineMessages({
  title: ['工作台', 'Workbench'],
  intro: [
    '今天要办的事，按紧急程度排列；点卡片进入对应清单办理。',
    'What is due today, most urgent first; open a card to act.',
  ],
  asOf: ['截至 {d}', 'As of {d}'],
  empty: ['今天没有待办', 'Nothing due today'],
  emptyHint: ['可以从左侧菜单进入各项业务。', 'Use the menu for everything else.'],
  overdue: ['超期', 'Overdue'],
  near: ['临期', 'Near due'],
  normal: ['待办', 'To do'],
  open: ['去办理', 'Open'],
  total: ['共 {n} 项待办', '{n} items due'],
});

export type HomeTextKey = keyof typeof TEXT;

export function useHomeText() {
  return useMessages(TEXT);
}
