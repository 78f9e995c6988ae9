import { Typography } from 'antd';

/** 承诺授权书 in plain words; ticking “我已阅读并同意” online counts as the applicant's signature. */
export const CONSENT_PARAGRAPHS = [
  '本人自愿申请防返贫监测帮扶，并作如下承诺和授权：',
  '一、本人填写的家庭情况和遇到的困难都是真实的。如有隐瞒或虚报，本人愿意承担相应责任。',
  '二、本人同意县、乡镇、村和有关部门为监测帮扶的需要，核查本人及共同生活的家庭成员的收入、财产（如存款、房屋、车辆、开办企业），以及看病、上学、就业、社保等情况。核查结果只用于防返贫监测和帮扶。',
  '三、本人在网上勾选“我已阅读并同意”，与在纸质承诺授权书上签字具有同等效力。',
];

export function ConsentText() {
  return (
    <div
      data-testid="consent-text"
      style={{
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        padding: '12px 14px',
      }}
    >
      <Typography.Title level={5} style={{ textAlign: 'center', marginTop: 0 }}>
        承诺授权书
      </Typography.Title>
      {CONSENT_PARAGRAPHS.map((text) => (
        <Typography.Paragraph key={text} style={{ marginBottom: 8, fontSize: 15, lineHeight: 1.7 }}>
          {text}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
