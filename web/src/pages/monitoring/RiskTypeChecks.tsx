import { Checkbox, Form } from 'antd';
import { useI18n } from '#web/i18n/useI18n.ts';
import { RISK_CODES, RISK_PLAIN, RISK_PLAIN_EN, riskLabel } from './labels.ts';
import { useCommonText } from './text.ts';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  /** Plain family words first (public page), the official term after. */
  plain?: boolean;
}

/** The national risk types (风险类型) as checkboxes, one per line on a phone. */
export function RiskTypeChecks({ value, onChange, id, plain = false }: Props) {
  const { language, pick } = useI18n();
  return (
    <div id={id}>
      <Checkbox.Group
        value={value}
        onChange={(next) => onChange?.(next as string[])}
        style={{
          display: 'grid',
          gridTemplateColumns: plain ? '1fr' : 'repeat(auto-fill, minmax(150px, 1fr))',
          rowGap: plain ? 10 : 6,
        }}
        options={RISK_CODES.map((code) => ({
          value: code,
          label: plain ? (
            <span>
              {pick(RISK_PLAIN[code], RISK_PLAIN_EN[code])}
              <span style={{ color: '#8c8c8c', marginInlineStart: 6, fontSize: 12 }}>
                {pick(`（${riskLabel(code, 'zh-CN')}）`, `(${riskLabel(code, 'en')})`)}
              </span>
            </span>
          ) : (
            riskLabel(code, language)
          ),
        }))}
      />
    </div>
  );
}

/** The form field `riskTypes`: at least one risk, as checkboxes. */
export function RiskTypesItem({ label, plain = false }: { label: string; plain?: boolean }) {
  const tc = useCommonText();
  return (
    <Form.Item
      name="riskTypes"
      label={label}
      rules={[{ required: true, type: 'array', min: 1, message: tc('chooseRisk') }]}
    >
      <RiskTypeChecks plain={plain} />
    </Form.Item>
  );
}
