import { Empty, List, Space, Typography } from 'antd';
import type { HouseholdDetail } from '#web/api/registry.ts';
import { fieldLabel } from './labels.ts';
import { ruleName } from './ruleNames.ts';
import { SeverityTag } from './SeverityTag.tsx';
import { useRegistryText } from './text.ts';

/** The household's data-quality findings, errors first, each naming the member and field concerned. */
export function QualityTab({ household }: { household: HouseholdDetail }) {
  const { t, language } = useRegistryText();
  const findings = [...household.quality].sort(
    (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'),
  );
  if (findings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noFindings')} />;
  return (
    <List
      data-testid="quality-findings"
      dataSource={findings}
      renderItem={(finding, index) => {
        const member = finding.memberIndex !== null ? household.members[finding.memberIndex] : undefined;
        return (
          <List.Item key={`${finding.rule}-${index}`}>
            <Space orientation="vertical" size={2}>
              <Space wrap size={8}>
                <SeverityTag severity={finding.severity} />
                <Typography.Text strong>{language === 'en' ? finding.messageEn : finding.messageZh}</Typography.Text>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {member ? `${t('member')}：${member.name}` : t('wholeHousehold')}
                {' · '}
                {t('field')}：{fieldLabel(finding.field, language)}
                {' · '}
                {t('rule')}：{ruleName(finding.rule, language)}
                {finding.nationalRef ? `（${t('nationalRef')} ${finding.nationalRef}）` : `（${t('localRule')}）`}
              </Typography.Text>
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
