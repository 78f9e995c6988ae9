import { describe, expect, it } from 'vitest';
import type { AssetDetail } from '#common/contracts/assets.ts';
import type { DeliberationDetail } from '#common/contracts/deliberation.ts';
import type { ProjectDetail } from '#common/contracts/projects.ts';
import { renderNoticeHtml } from '#common/domain/cases/notice.ts';
import { incomeNoticeHtml, projectNoticeHtml } from './notices.ts';

// Issue 16 point 9: case notices and project notices write dates one way (noticeDate: 2026年3月5日), never ISO.

const ISO = /\d{4}-\d{2}-\d{2}/;
const project = {
  entryStage: 'villageNotice',
  year: 2026,
  name: '东庄村村级光伏电站',
  orgName: '东庄村',
  type: 'industry',
  subType: '光伏扶贫',
  budget: { central: 40_000_000, provincial: 0, city: 0, county: 0 },
  budgetFen: 40_000_000,
  beneficiaryHouseholds: 60,
  beneficiaryAlleviated: 25,
  farmerLinkage: '电站收益用于村级公益岗位',
  performanceTargets: [{ indicator: '年发电收益', value: '≥8万元' }],
  noticeStartedOn: '2026-03-05',
} as unknown as ProjectDetail;
const deliberation = {
  subject: '光伏电站建设',
  steps: [{ step: 'villagersMeeting', heldOn: '2026-02-28', expected: 50, present: 42, votesFor: 40 }],
} as unknown as DeliberationDetail;

describe('one date style for case and project notices', () => {
  it('项目入库公示: notice start, meeting and signature dates as 2026年3月5日', () => {
    const html = projectNoticeHtml(project, deliberation, {
      issuer: '东庄村村民委员会',
      today: '2026-03-05',
      noticeDays: 5,
    });
    expect(html).toContain('（2026年3月5日起）');
    expect(html).toContain('（2026年2月28日）');
    expect(html).toContain('东庄村村民委员会<br>2026年3月5日');
    expect(html).not.toMatch(ISO);
  });

  it('资产收益分配公示 likewise', () => {
    const asset = {
      code: 'ZC001',
      name: '光伏电站',
      orgName: '东庄村',
      category: 'operating',
      photovoltaic: true,
      ownerName: '东庄村股份经济合作社',
      operator: null,
      incomes: [{ id: 1, year: 2026, amountFen: 8_000_000, receivedOn: '2026-06-30', distribution: {} }],
    } as unknown as AssetDetail;
    const html = incomeNoticeHtml(asset, 1, null, { today: '2026-07-02', signer: '东庄村村民委员会' })!;
    expect(html).toContain('2026年6月30日到账');
    expect(html).toContain('东庄村村民委员会<br>2026年7月2日');
    expect(html).not.toMatch(ISO);
  });

  it('the case notice signs with the same style', () => {
    const html = renderNoticeHtml({
      kind: 'announcement',
      caseKind: 'identification',
      countyName: '沁水县',
      townshipName: '龙港镇',
      villageName: '东庄村',
      households: [{ headName: '王建国', householdSize: 3, monitoringType: 'edge', riskTypes: ['illness'] }],
      startOn: '2026-03-05',
      endOn: null,
      noticeDays: 5,
      objectTo: '龙港镇人民政府',
      issuedOn: '2026-03-05',
    });
    expect(html).toContain('<br>2026年3月5日');
    expect(html).not.toMatch(ISO);
  });
});
