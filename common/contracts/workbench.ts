import { z } from 'zod';

// 工作台: what is due today for the signed-in user, each item a count with one link to act on it.

export const WORKBENCH_KINDS = [
  'casesOverdue',
  'casesNearDue',
  'casesAtMyStage',
  'cluesToVerify',
  'eliminationsDue',
  'reviewsPending',
  'unpairedMonitored',
  'obligationsMissed',
  'visitsDue',
  'pairedHouseholds',
  'indicatorsToFill',
  'indicatorsToApprove',
  'feedsToSend',
  'projectsWaiting',
] as const;
export type WorkbenchKind = (typeof WORKBENCH_KINDS)[number];

export const WORKBENCH_SEVERITIES = ['overdue', 'near', 'normal'] as const;
export type WorkbenchSeverity = (typeof WORKBENCH_SEVERITIES)[number];

export const workbenchItem = z.object({
  kind: z.enum(WORKBENCH_KINDS),
  labelZh: z.string(),
  labelEn: z.string(),
  /** Households, cases, clues, forms or months, as the label says. */
  count: z.number().int().min(0),
  severity: z.enum(WORKBENCH_SEVERITIES),
  /** A web route with its filters (the list that holds these items). */
  link: z.string(),
  /** One line under the count: what to do, by when. */
  hintZh: z.string(),
  hintEn: z.string(),
});
export type WorkbenchItem = z.infer<typeof workbenchItem>;

export const workbenchResponse = z.object({
  /** Today in China time. */
  asOf: z.string(),
  /** Items with a count, most urgent first (overdue, near, normal). Items counting nothing are left out. */
  items: z.array(workbenchItem),
});
export type WorkbenchResponse = z.infer<typeof workbenchResponse>;
