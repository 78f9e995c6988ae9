import { ASSET_CATEGORY_LABELS, INCOME_SHARE_LABELS, INCOME_SHARES } from '#common/domain/assets/rules.ts';
import { STEP_LABELS } from '#common/domain/deliberation/rules.ts';
import { FUND_SOURCE_LABELS, FUND_SOURCES, PROJECT_TYPE_LABELS } from '#common/domain/projects/types.ts';
import { ENTRY_STAGE_LABELS } from '#common/domain/projects/workflow.ts';
import { noticeDate } from '#common/domain/notice-date.ts';
import type { AssetDetail } from '#common/contracts/assets.ts';
import type { DeliberationDetail } from '#common/contracts/deliberation.ts';
import type { ProjectDetail } from '#common/contracts/projects.ts';

// Public notices (公示/公告) as self-contained printable HTML (inline styles, no scripts, no remote
// resources), printed from the browser or turned into PDF by server/lib/pdf.ts. They name units and
// amounts only: no ID numbers, phones or health facts of anyone.

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
export const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #000; font-size: 14px; line-height: 1.7; max-width: 780px; margin: 24px auto; }
h1 { text-align: center; font-size: 22px; letter-spacing: 2px; margin-bottom: 4px; }
.sub { text-align: center; color: #333; margin-bottom: 16px; }
table { width: 100%; border-collapse: collapse; margin: 10px 0; }
th, td { border: 1px solid #000; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f2f2f2; white-space: nowrap; width: 22%; }
.sign { margin-top: 36px; text-align: right; }
.note { margin-top: 14px; }
</style></head><body>${body}</body></html>`;
}

const row = (k: string, v: string) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`;

const BASIS: Record<string, string> = {
  declaration: '经村"两委"会议和村民（代表）会议决议',
  villageNotice: '经村"两委"会议和村民（代表）会议决议',
  townshipReview: '经乡镇审核',
  townshipNotice: '经乡镇审核',
  departmentReview: '经行业部门论证',
  countyApproval: '经县级审定',
  countyNotice: '经县级审定',
  announcement: '经县级审定并公示期满',
  admitted: '经县级审定并公示期满',
};

/** 项目入库公示 / 公告: what is publicised at the current step (village, township, county notice or the announcement). */
export function projectNoticeHtml(
  p: ProjectDetail,
  d: DeliberationDetail | null,
  opts: { issuer: string; today: string; noticeDays: number },
): string {
  const stage = p.entryStage;
  const isAnnouncement = stage === 'announcement' || stage === 'admitted';
  const kind = isAnnouncement
    ? '入库公告'
    : `${ENTRY_STAGE_LABELS[stage as keyof typeof ENTRY_STAGE_LABELS] ?? '公示'}`;
  const title = `${p.year}年度巩固拓展脱贫攻坚成果和乡村振兴项目${kind}`;
  const budget = FUND_SOURCES.filter((s) => p.budget[s] > 0)
    .map((s) => `${FUND_SOURCE_LABELS[s].zh} ${yuan(p.budget[s])} 元`)
    .join('；');
  const targets = p.performanceTargets.map((t) => `${esc(t.indicator)}：${esc(t.value)}`).join('<br>');
  const delib = d
    ? d.steps
        .filter((s) => s.step === 'partyMeeting' || s.step === 'villagersMeeting')
        .map(
          (s) =>
            `${STEP_LABELS[s.step].zh}（${esc(noticeDate(s.heldOn))}）：应到 ${s.expected} 人，实到 ${s.present} 人，赞成 ${s.votesFor} 票`,
        )
        .join('<br>')
    : '—';
  const body = `<h1>${esc(title)}</h1><div class="sub">${esc(p.orgName)}</div>
<p>根据巩固拓展脱贫攻坚成果同乡村振兴有效衔接项目库管理要求，${BASIS[stage] ?? '经审核'}，现将以下项目${isAnnouncement ? '纳入项目库，予以公告' : `予以公示，公示期 ${opts.noticeDays} 天（${esc(noticeDate(p.noticeStartedOn ?? opts.today))}起）`}。</p>
<table>
${row('项目名称', esc(p.name))}
${row('项目类型', `${esc(PROJECT_TYPE_LABELS[p.type].zh)}${p.subType ? ' / ' + esc(p.subType) : ''}`)}
${row('实施地点', esc(p.orgName))}
${row('项目年度', String(p.year))}
${row('资金规模', `${yuan(p.budgetFen)} 元（${budget || '—'}）`)}
${row('受益对象', `受益 ${p.beneficiaryHouseholds} 户，其中脱贫户/监测户 ${p.beneficiaryAlleviated} 户`)}
${row('联农带农机制', esc(p.farmerLinkage))}
${row('绩效目标', targets || '—')}
${row('四议两公开', d ? `${esc(d.subject)}<br>${delib}` : '—')}
</table>
<p class="note">${isAnnouncement ? '特此公告。' : `公示期间如有异议，请向${esc(opts.issuer)}反映。`}</p>
<div class="sign">${esc(opts.issuer)}<br>${esc(noticeDate(opts.today))}</div>`;
  return page(title, body);
}

/** 资产收益分配公示: one income of an operating asset and how it is distributed, with its 四议两公开 basis. */
export function incomeNoticeHtml(
  a: AssetDetail,
  incomeId: number,
  d: DeliberationDetail | null,
  opts: { today: string; signer: string },
): string | null {
  const income = a.incomes.find((i) => i.id === incomeId);
  if (!income) return null;
  const title = `${a.orgName}扶贫项目资产收益分配公示`;
  const parts = INCOME_SHARES.filter((k) => (income.distribution[k] ?? 0) > 0)
    .map(
      (k) =>
        `<tr><td>${esc(INCOME_SHARE_LABELS[k])}</td><td style="text-align:right">${yuan(income.distribution[k])}</td></tr>`,
    )
    .join('');
  const body = `<h1>${esc(title)}</h1><div class="sub">${esc(income.year)} 年度</div>
<table>
${row('资产编号', esc(a.code))}
${row('资产名称', esc(a.name))}
${row('资产类别', esc(ASSET_CATEGORY_LABELS[a.category].zh) + (a.photovoltaic ? '（光伏扶贫电站）' : ''))}
${row('所有权人', esc(a.ownerName))}
${row('经营主体', esc(a.operator ?? '—'))}
${row('收益金额', `${yuan(income.amountFen)} 元（${esc(noticeDate(income.receivedOn))}到账）`)}
${row('决策依据', d ? `四议两公开：${esc(d.subject)}` : '—')}
</table>
<table><tr><th>分配用途</th><th style="text-align:right">金额（元）</th></tr>${parts}</table>
<p class="note">公示期间如有异议，请向${esc(opts.signer)}反映。</p>
<div class="sign">${esc(opts.signer)}<br>${esc(noticeDate(opts.today))}</div>`;
  return page(title, body);
}
