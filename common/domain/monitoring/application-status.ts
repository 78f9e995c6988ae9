import type { Stage } from '../cases/workflow.ts';

// What a family sees when it looks up its application with the receipt number: one plain sentence
// about where the application stands, nothing about other people and no officer's notes.

export type ApplicationProgress =
  'received' | 'verifying' | 'villageReview' | 'publicNotice' | 'approval' | 'included' | 'notIncluded';

export interface ApplicationFacts {
  clueStatus: 'open' | 'closed';
  /** The identification case started from the clue, if any (the latest). */
  caseStage: Stage | null;
  caseStatus: 'active' | 'done' | 'closed' | null;
  /** End of the village notice, while it hangs. */
  noticeEndsOn?: string | null;
}

export const PROGRESS_TEXT: Record<ApplicationProgress, { zh: string; en: string }> = {
  received: { zh: '已受理，村干部将入户核实', en: 'Received; a village cadre will visit to verify' },
  verifying: { zh: '正在入户核实和信息比对', en: 'Being verified (home visit and data check)' },
  villageReview: { zh: '村级民主评议中', en: 'Under village democratic review' },
  publicNotice: { zh: '村内公示中', en: 'On public notice in the village' },
  approval: { zh: '乡镇审核、县级审定中', en: 'Under township review and county approval' },
  included: { zh: '已纳入防返贫监测，将落实帮扶措施', en: 'Included in monitoring; assistance will follow' },
  notIncluded: {
    zh: '经核实暂不符合纳入条件，如有疑问请联系村委会',
    en: 'Not included after verification; ask the village committee about it',
  },
};

export function applicationProgress(f: ApplicationFacts): ApplicationProgress {
  if (f.caseStatus === 'done') return 'included';
  if (f.caseStatus === 'closed') return 'notIncluded';
  if (f.caseStatus === 'active' && f.caseStage) {
    switch (f.caseStage) {
      case 'verification':
      case 'comparison':
        return 'verifying';
      case 'villageReview':
        return 'villageReview';
      case 'publicNotice':
        return 'publicNotice';
      default:
        return 'approval';
    }
  }
  return f.clueStatus === 'open' ? 'received' : 'notIncluded';
}
