import { describe, expect, it } from 'vitest';
import { DISABILITY_CATEGORIES, HEALTH_CONDITIONS } from '../registry/codes.ts';
import {
  hasHealthFact,
  noticeTitle,
  privacyNote,
  renderNoticeHtml,
  scrubHealth,
  scrubSensitive,
  type NoticeModel,
} from './notice.ts';

const model = (over: Partial<NoticeModel> = {}): NoticeModel => ({
  kind: 'publicity',
  caseKind: 'identification',
  countyName: '沁水县',
  townshipName: '龙港镇',
  villageName: '东庄村',
  households: [
    {
      headName: '王建国',
      householdSize: 3,
      groupOrAddress: '第一村民小组',
      monitoringType: 'edge',
      riskTypes: ['illness', 'lackOfLabour'],
    },
    { headName: '李秀英', householdSize: 2, monitoringType: 'unstable', riskTypes: ['education'] },
  ],
  startOn: '2026-11-28',
  endOn: '2026-12-03',
  noticeDays: 5,
  objectTo: '东庄村村民委员会或龙港镇人民政府',
  issuedOn: '2026-11-28',
  ...over,
});

describe('public notices', () => {
  it('carry the village, households, reasons, dates across the month end and where to object', () => {
    const html = renderNoticeHtml(model());
    expect(html).toContain('东庄村防止返贫监测对象识别认定公示');
    expect(html).toContain('2026年11月28日至2026年12月3日（不少于5天）');
    expect(html).toContain('以下2户5人');
    expect(html).toContain('王建国');
    expect(html).toContain('边缘易致贫户');
    expect(html).toContain('因病、缺劳动力');
    expect(html).toContain('12317');
    expect(html).toContain('东庄村村民委员会');
  });

  it('never show an ID number, a phone, a bank account or health facts, even if they slip into a field', () => {
    const html = renderNoticeHtml(
      model({
        households: [
          {
            headName: '王建国 140521196803120013',
            householdSize: 3,
            groupOrAddress: '电话13912345678 卡号6217000012345678901 尿毒症透析',
            monitoringType: 'edge',
            riskTypes: ['illness'],
          },
        ],
      }),
    );
    expect(html).not.toMatch(/\d{7,}/);
    expect(html).not.toContain('140521196803120013');
    expect(html).not.toContain('13912345678');
    expect(html).not.toContain('6217000012345678901');
    expect(html).not.toMatch(/尿毒症|透析/);
    expect(html).toContain('不含身份证号码');
  });

  it('the announcement is in the name of the township', () => {
    const m = model({ kind: 'announcement', endOn: null });
    expect(noticeTitle(m)).toBe('龙港镇人民政府关于东庄村防止返贫监测对象识别认定结果的公告');
    expect(renderNoticeHtml(m)).toContain('龙港镇人民政府<br>2026年11月28日');
    expect(
      renderNoticeHtml(
        model({
          caseKind: 'elimination',
          households: [
            {
              headName: '张三',
              householdSize: 4,
              monitoringType: 'edge',
              riskTypes: [],
              eliminationMode: 'naturalElimination',
            },
          ],
        }),
      ),
    ).toContain('自然消除');
  });

  it('a unit of the development zone: the 公告 is signed by its 管委会, the 公示 by the 社区 居民委员会', () => {
    const zone = {
      townshipName: '沁水经济技术开发区',
      townshipKind: '开发区',
      villageName: '东庄社区',
      villageKind: '社区',
      objectTo: '东庄社区居民委员会或沁水经济技术开发区管委会',
    };
    const a = model({ kind: 'announcement', endOn: null, ...zone });
    expect(noticeTitle(a)).toBe('沁水经济技术开发区管委会关于东庄社区防止返贫监测对象识别认定结果的公告');
    expect(renderNoticeHtml(a)).toContain('沁水经济技术开发区管委会<br>2026年11月28日');
    expect(renderNoticeHtml(a)).not.toContain('人民政府');
    expect(renderNoticeHtml(model(zone))).toContain('东庄社区居民委员会<br>');
  });

  it.each([
    ['140521196803120013', '***'],
    ['1405211968031200X', '***'],
    ['139 1234 5678', '***'],
    ['0356-1234567', '***'],
    ['2026年', '2026年'],
    ['3人', '3人'],
  ])('scrubSensitive(%s)', (input, out) => expect(scrubSensitive(input)).toBe(out));

  describe('the footer claims only what is true of the printed body (issue 16 point 9)', () => {
    const split = (html: string) => {
      const footer = /<p class="note">([^<]*)<\/p>/.exec(html)![1];
      return { footer, body: html.replace(/<p class="note">[^<]*<\/p>/, '') };
    };
    const ill = (over: Partial<NoticeModel> = {}) =>
      model({
        households: [
          {
            headName: '王建国',
            householdSize: 3,
            groupOrAddress: '第一村民小组 长期慢性病 患有大病 视力残疾二级',
            monitoringType: 'edge',
            riskTypes: ['illness', 'disability'],
          },
        ],
        ...over,
      });
    it.each([
      ['公示 of an identification printing 因病、因残', ill()],
      ['公告 of an identification', ill({ kind: 'announcement', endOn: null })],
      ['公示 of an elimination', ill({ caseKind: 'elimination' })],
      ['公示 without health risks', model()],
    ])('%s', (_, m) => {
      const { footer, body } = split(renderNoticeHtml(m));
      expect(footer).toBe(privacyNote(m));
      // Claimed absent, and absent: IDs, phones, bank accounts (7+ digit runs) and health conditions.
      expect(footer).toMatch(/不含身份证号码、联系电话、银行账号，不载明病情、残疾类别和等级等健康状况/);
      expect(body).not.toMatch(/\d{7,}/);
      expect(hasHealthFact(body)).toBe(false);
      for (const c of [...HEALTH_CONDITIONS, ...DISABILITY_CATEGORIES].filter((x) => x.code !== 'healthy'))
        expect(body).not.toContain(c.zh);
      // A risk category printed in the body is named as a category in the footer, never denied.
      for (const cat of ['因病', '因残'])
        if (body.includes(`<td>${cat}`) || body.includes(`、${cat}`)) {
          expect(footer).toContain(`“${cat}”`);
          expect(footer).toContain('风险类别');
        }
      expect(footer).not.toContain('健康状况等个人敏感信息');
    });
    it('an identification notice that prints 因病 says the column lists categories', () => {
      const { body, footer } = split(renderNoticeHtml(ill()));
      expect(body).toContain('<td>因病、因残</td>');
      expect(footer).toContain('“主要风险”栏只列监测系统的风险类别（如“因病”“因残”），不代表具体病情');
    });
  });

  it('scrubHealth removes condition words', () => expect(scrubHealth('肺癌住院手术')).toBe('肺******'));
});
