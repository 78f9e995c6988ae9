import { Col, Form, Input, InputNumber, Row } from 'antd';
import type { SaveIncomeRequest } from '#web/api/registry.ts';
import { FIELD_LABELS, fenOf, INCOME_FIELDS, yuan, yuanRule, type IncomeField } from './labels.ts';
import { useRegistryText } from './text.ts';

/** Amounts as typed, in yuan ("1,234.5"); converted to whole fen on submit. */
export type IncomeFormValues = { year?: number } & Partial<Record<IncomeField, string>>;

/** Typed yuan → the fen amounts of an income request (an empty box is 0). */
export function incomeAmounts(values: IncomeFormValues): Omit<SaveIncomeRequest, 'year' | 'reason'> {
  const amounts = {} as Record<IncomeField, number>;
  for (const key of INCOME_FIELDS) amounts[key] = fenOf(values[key]) ?? 0;
  return amounts;
}

export const hasAnyAmount = (values: IncomeFormValues | undefined) =>
  !!values && INCOME_FIELDS.some((key) => (values[key] ?? '').trim() !== '');

/** A saved year as form values (fen → "1234.50" without separators, easy to edit). */
export function incomeFormValues(row: { year: number } & Record<IncomeField, number>): IncomeFormValues {
  const values: IncomeFormValues = { year: row.year };
  for (const key of INCOME_FIELDS) values[key] = yuan(row[key]).replace(/,/g, '');
  return values;
}

/** 收入年度 and the seven amounts; `prefix` nests them (the create form keeps them under "income"). */
export function IncomeFields({
  prefix,
  yearRequired,
  lockYear,
}: {
  prefix?: string;
  yearRequired: boolean;
  lockYear?: boolean;
}) {
  const { t, label, language } = useRegistryText();
  const path = (key: string) => (prefix ? [prefix, key] : [key]);
  const maxYear = new Date().getFullYear();
  return (
    <Row gutter={12}>
      <Col xs={12} md={6}>
        <Form.Item
          name={path('year')}
          label={label(FIELD_LABELS.year)}
          rules={yearRequired ? [{ required: true, message: t('required') }] : []}
        >
          <InputNumber
            min={2014}
            max={maxYear}
            precision={0}
            disabled={lockYear}
            style={{ width: '100%' }}
            placeholder={String(maxYear - 1)}
          />
        </Form.Item>
      </Col>
      {INCOME_FIELDS.map((key) => (
        <Col xs={12} md={6} key={key}>
          <Form.Item name={path(key)} label={label(FIELD_LABELS[key])} rules={[yuanRule(language)]}>
            <Input inputMode="decimal" suffix={t('yuan')} placeholder="0.00" style={{ textAlign: 'right' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
