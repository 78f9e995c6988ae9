import { Alert, Checkbox, Col, Descriptions, Form, Input, Row, Select } from 'antd';
import {
  ALLEVIATED_ATTRIBUTES,
  ELIMINATION_MODES,
  HOUSEHOLD_KINDS,
  HOUSING_GRADES,
  MONITORING_TYPES,
  RISK_TYPES,
} from '#common/domain/registry/codes.ts';
import type { HouseholdDetail } from '#web/api/registry.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { codeLabel, codeLabels, codeOptions, FIELD_LABELS } from './labels.ts';
import { useRegistryText } from './text.ts';

/**
 * The household facts as the form holds them (selects give undefined when cleared). The monitoring
 * status (监测对象类别, 识别监测时间, risks, 风险消除) is not among them: only 识别认定 and 风险消除 change it.
 */
export interface FactsFormValues {
  villageCode: string;
  kind: string;
  alleviatedAttribute?: string | null;
  phone?: string;
  /** Editing: remove the phone on file (an empty field keeps it). */
  clearPhone?: boolean;
  address?: string;
  housingGrade?: string | null;
  waterSafe?: boolean | null;
  schoolDropout?: boolean | null;
  housingUnsafe?: boolean | null;
  medicalUninsured?: boolean | null;
}

const orNull = <T,>(value: T | undefined | ''): T | null => (value === undefined || value === '' ? null : value);

/** Form values → the facts part of a create/update request (empty → null). */
export function factsRequest(values: FactsFormValues) {
  return {
    villageCode: values.villageCode,
    kind: values.kind as 'alleviated' | 'ordinary',
    // A hidden 脱贫属性 left over from switching 户类型 must not be sent.
    alleviatedAttribute: (values.kind === 'alleviated' ? orNull(values.alleviatedAttribute) : null) as 'general' | null,
    phone: orNull(values.phone?.trim()),
    address: orNull(values.address?.trim()),
    housingGrade: orNull(values.housingGrade) as 'A' | null,
    waterSafe: orNull(values.waterSafe),
    schoolDropout: orNull(values.schoolDropout),
    housingUnsafe: orNull(values.housingUnsafe),
    medicalUninsured: orNull(values.medicalUninsured),
  };
}

/** A household's facts as edit-form values; the phone is not sent back by the API (masked only). */
export function factsFormValues(h: HouseholdDetail): FactsFormValues {
  return {
    villageCode: h.villageCode,
    kind: h.kind,
    alleviatedAttribute: h.alleviatedAttribute ?? undefined,
    phone: '',
    address: h.address ?? '',
    housingGrade: h.housingGrade ?? undefined,
    waterSafe: h.waterSafe ?? undefined,
    schoolDropout: h.schoolDropout ?? undefined,
    housingUnsafe: h.housingUnsafe ?? undefined,
    medicalUninsured: h.medicalUninsured ?? undefined,
  };
}

const FLAGS = ['waterSafe', 'housingUnsafe', 'schoolDropout', 'medicalUninsured'] as const;

interface Props {
  /** Set when editing: the masked phone on file, shown as a hint since the full number is never sent. */
  phoneMasked?: string | null;
  /** Household number input (only when creating). */
  withHouseholdNo?: boolean;
  /** Editing: the household, whose monitoring status is shown read-only. */
  household?: HouseholdDetail;
}

/** 监测对象类别, 识别监测时间, risks and 风险消除 as text: changed only through the procedures. */
function MonitoringReadOnly({ household: h }: { household: HouseholdDetail }) {
  const { t, label } = useRegistryText();
  const name = (key: string) => label(FIELD_LABELS[key]);
  return (
    <Col xs={24} data-testid="monitoring-read-only">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={name('monitoringType')}>
          {codeLabel(MONITORING_TYPES, h.monitoringType)}
        </Descriptions.Item>
        <Descriptions.Item label={name('identificationPeriod')}>{h.identificationPeriod ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={name('riskTypes')}>{codeLabels(RISK_TYPES, h.riskTypes)}</Descriptions.Item>
        {h.eliminationPeriod && (
          <Descriptions.Item label={t('eliminated')}>
            {h.eliminationPeriod}（{codeLabel(ELIMINATION_MODES, h.eliminationMode)}）
          </Descriptions.Item>
        )}
      </Descriptions>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('monitoringReadOnly')} />
    </Col>
  );
}

export function HouseholdFactsFields({ phoneMasked, withHouseholdNo, household }: Props) {
  const { t, label } = useRegistryText();
  const form = Form.useFormInstance<FactsFormValues>();
  const kind = Form.useWatch('kind', form);
  const yesNo = [
    { value: true, label: t('yes') },
    { value: false, label: t('no') },
  ];
  const required = { required: true, message: t('required') };
  const name = (key: string) => label(FIELD_LABELS[key]);

  return (
    <Row gutter={16}>
      {withHouseholdNo && (
        <Col xs={24} md={8}>
          <Form.Item
            name="householdNo"
            label={name('householdNo')}
            rules={[required, { pattern: /^[0-9A-Za-z-]{4,40}$/, message: t('householdNoFormat') }]}
          >
            <Input maxLength={40} placeholder={t('householdNoExample')} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={withHouseholdNo ? 16 : 24}>
        <Form.Item name="villageCode" label={name('villageCode')} rules={[required]}>
          <OrgUnitPicker allowedLevels={['village']} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="kind" label={name('kind')} rules={[required]}>
          <Select options={codeOptions(HOUSEHOLD_KINDS)} />
        </Form.Item>
      </Col>
      {kind === 'alleviated' && (
        <Col xs={24} md={8}>
          <Form.Item name="alleviatedAttribute" label={name('alleviatedAttribute')} rules={[required]}>
            <Select allowClear options={codeOptions(ALLEVIATED_ATTRIBUTES)} />
          </Form.Item>
        </Col>
      )}
      {household && <MonitoringReadOnly household={household} />}
      <Col xs={24} md={8}>
        <Form.Item
          name="phone"
          label={name('phone')}
          extra={phoneMasked ? t('reenterPhone', { masked: phoneMasked }) : undefined}
        >
          <Input inputMode="tel" maxLength={13} placeholder={phoneMasked ?? undefined} />
        </Form.Item>
        {phoneMasked && (
          <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
            <Checkbox>{t('clearPhone')}</Checkbox>
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="address" label={name('address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="housingGrade" label={name('housingGrade')}>
          <Select allowClear options={codeOptions(HOUSING_GRADES)} placeholder={t('notRecorded')} />
        </Form.Item>
      </Col>
      {FLAGS.map((flag) => (
        <Col xs={12} md={8} key={flag}>
          <Form.Item name={flag} label={name(flag)}>
            <Select allowClear options={yesNo} placeholder={t('notRecorded')} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
