import { MONITORING_TYPES, RISK_TYPES } from '../registry/codes.ts';
import { noticeDate } from '../notice-date.ts';
import { signerOf } from '../notice-signer.ts';

// 公示 and 公告 as county staff write them, rendered to one self-contained HTML page (print and PDF
// use the same page). Only what may be public goes in: names of household heads, household size,
// village, type and risk categories, dates and where to object. Never ID numbers, phones, bank
// accounts or health conditions (policy-rules §1.6); free text is not taken from the case at all,
// and `scrubSensitive` removes number-like runs from every string as a second guard.

export type NoticeKind = 'publicity' | 'announcement';
export type NoticeCaseKind = 'identification' | 'elimination';

export interface NoticeHousehold {
  headName: string;
  householdSize: number;
  groupOrAddress?: string | null;
  monitoringType: string | null;
  riskTypes: readonly string[];
  eliminationMode?: string | null;
}

export interface NoticeModel {
  kind: NoticeKind;
  caseKind: NoticeCaseKind;
  countyName: string;
  townshipName: string;
  villageName: string;
  /** org_unit.kind of the township-level unit and the village (开发区 signs as its 管委会, 社区 as 居民委员会); default 镇 / 行政村. */
  townshipKind?: string;
  villageKind?: string;
  households: readonly NoticeHousehold[];
  /** 公示: the notice period; 公告: the date of the announcement (startOn). */
  startOn: string;
  endOn: string | null;
  noticeDays: number;
  /** Where to object: the village committee and the township government, and the 12317 hotline. */
  objectTo: string;
  issuedOn: string;
}

/** 18-digit IDs, 11-digit mobiles, 12–19-digit bank cards, landlines: nothing number-like of 7+ digits survives. */
export function scrubSensitive(text: string): string {
  return text.replace(/\d[\d\s-]{5,}[\dXx]/g, (m) => (m.replace(/\D/g, '').length >= 7 ? '***' : m));
}

const HEALTH_WORDS =
  /(癌|瘤|尿毒症|透析|白血病|精神|残疾|病情|诊断|住院|手术|艾滋|结核|偏瘫|中风|脑梗|慢性病|大病|视力|听力|言语|肢体|智力)/g;

/** Whether a text names a health fact (what `scrubHealth` masks). */
export function hasHealthFact(text: string): boolean {
  return text.replace(HEALTH_WORDS, '') !== text;
}

/** Health facts stay out of any public text (risk categories such as 因病 are categories, not conditions). */
export function scrubHealth(text: string): string {
  return text.replace(HEALTH_WORDS, '**');
}

/** The Chinese label of a code in a code list (the code itself when unknown). */
export function codeLabel(list: readonly { code: string; zh: string }[], code: string): string {
  return list.find((e) => e.code === code)?.zh ?? code;
}

function escHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Every string taken from a case passes both scrubs before it is printed. */
function esc(text: string): string {
  return escHtml(scrubHealth(scrubSensitive(text)));
}

const cnDate = noticeDate;

/** Who signs: the village's committee for a 公示, the township-level unit's government (开发区: 管委会) for a 公告. */
export function noticeIssuer(
  m: Pick<NoticeModel, 'kind' | 'villageName' | 'townshipName' | 'townshipKind' | 'villageKind'>,
): string {
  return m.kind === 'publicity'
    ? signerOf({ name: m.villageName, kind: m.villageKind ?? '行政村' })
    : signerOf({ name: m.townshipName, kind: m.townshipKind ?? '镇' });
}

export function noticeTitle(
  m: Pick<NoticeModel, 'kind' | 'caseKind' | 'villageName' | 'townshipName' | 'townshipKind' | 'villageKind'>,
): string {
  const what = m.caseKind === 'identification' ? '防止返贫监测对象识别认定' : '防止返贫监测对象风险消除';
  return m.kind === 'publicity'
    ? `${m.villageName}${what}公示`
    : `${noticeIssuer(m)}关于${m.villageName}${what}结果的公告`;
}

export function noticeBody(m: NoticeModel): string[] {
  const n = m.households.length;
  const people = m.households.reduce((a, h) => a + h.householdSize, 0);
  const ident = m.caseKind === 'identification';
  if (m.kind === 'publicity') {
    return [
      ident
        ? `根据防止返贫动态监测和帮扶工作有关要求，经农户申请（或干部走访排查、部门筛查预警）、入户核实、信息比对、村级民主评议，拟将以下${n}户${people}人识别为防止返贫监测对象，现予以公示。`
        : `根据防止返贫动态监测和帮扶工作有关要求，经入户核实、村级民主评议，拟对以下${n}户${people}人标注风险消除，现予以公示。`,
      `公示时间：${cnDate(m.startOn)}至${cnDate(m.endOn ?? m.startOn)}（不少于${m.noticeDays}天）。`,
      `公示期间，如有异议，请以书面或口头形式向${m.objectTo}反映，也可拨打12317热线。反映情况要实事求是，以署名方式为宜。`,
    ];
  }
  return [
    ident
      ? `经入户核实、信息比对、村级民主评议、村内公示无异议、乡镇审核、县级审定，确认以下${n}户${people}人为防止返贫监测对象，纳入监测帮扶，现予以公告。`
      : `经入户核实、村级民主评议、村内公示无异议、乡镇审核、县级审定，以下${n}户${people}人风险已消除，现予以公告。`,
    `如有疑问，请向${m.objectTo}反映，也可拨打12317热线。`,
  ];
}

/**
 * The footer's privacy statement, true of what the notice prints: no ID, phone or bank account, no health condition
 * (病情, 残疾 and its kind or grade, which `scrubHealth` masks); the 主要风险 column of an identification notice lists
 * risk categories only — 因病 and 因残 are categories of the monitoring system, not conditions — and says so.
 */
export function privacyNote(m: Pick<NoticeModel, 'kind' | 'caseKind' | 'households'>): string {
  const what = m.kind === 'publicity' ? '公示' : '公告';
  const base = `本${what}不含身份证号码、联系电话、银行账号，不载明病情、残疾类别和等级等健康状况`;
  if (m.caseKind !== 'identification') return `${base}。`;
  const shown = new Set(m.households.flatMap((h) => h.riskTypes.map((r) => codeLabel(RISK_TYPES, r))));
  const examples = ['因病', '因残'].filter((x) => shown.has(x));
  return `${base}；“主要风险”栏只列监测系统的风险类别${examples.length ? `（如“${examples.join('”“')}”）` : ''}，不代表具体病情。`;
}

export function renderNoticeHtml(m: NoticeModel): string {
  const ident = m.caseKind === 'identification';
  const head = [
    '序号',
    '户主姓名',
    '家庭人口',
    '所在村组',
    ident ? '监测对象类型' : '监测对象类型',
    ident ? '主要风险' : '风险消除方式',
  ];
  const rows = m.households
    .map((h, i) => {
      const last = ident
        ? h.riskTypes.map((r) => codeLabel(RISK_TYPES, r)).join('、')
        : h.eliminationMode === 'naturalElimination'
          ? '自然消除'
          : '帮扶消除';
      const cells = [
        String(i + 1),
        h.headName,
        `${h.householdSize}人`,
        h.groupOrAddress ?? m.villageName,
        h.monitoringType ? codeLabel(MONITORING_TYPES, h.monitoringType) : '',
        last,
      ];
      return `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const issuer = noticeIssuer(m);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(noticeTitle(m))}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif; color: #000; font-size: 15px; line-height: 1.9; margin: 0; }
  h1 { text-align: center; font-size: 22px; margin: 8px 0 18px; letter-spacing: 1px; }
  p { text-indent: 2em; margin: 6px 0; }
  table { width: 100%; border-collapse: collapse; margin: 14px 0; }
  th, td { border: 1px solid #000; padding: 4px 6px; text-align: center; font-size: 14px; }
  th { background: #f2f2f2; }
  .sign { text-align: right; margin-top: 36px; line-height: 2.2; }
  .note { font-size: 12px; color: #444; text-indent: 0; margin-top: 24px; }
</style></head>
<body>
<h1>${esc(noticeTitle(m))}</h1>
${noticeBody(m)
  .map((p) => `<p>${esc(p)}</p>`)
  .join('\n')}
<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>
<div class="sign">${esc(issuer)}<br>${esc(cnDate(m.issuedOn))}</div>
<p class="note">${escHtml(privacyNote(m))}</p>
</body></html>`;
}
