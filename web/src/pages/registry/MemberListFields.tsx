import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  HEALTH_CONDITIONS,
  LABOUR_SKILLS,
  POLITICAL_STATUSES,
  RELATIONSHIPS,
  SCHOOLING_STATUSES,
} from '#common/domain/registry/codes.ts';
import { codeLabel, codeOptions, FIELD_LABELS } from './labels.ts';
import { BLANK_MEMBER, checkIdNumber, matchesMask, type MemberFormValues } from './memberForm.ts';
import { useRegistryText } from './text.ts';
import { pickIn } from '#web/i18n/useI18n.ts';

const FLAGS = [
  'residentMedicalInsurance',
  'employeeMedicalInsurance',
  'minimumLiving',
  'destituteSupport',
  'publicWelfarePost',
] as const;
const SELECTS = [
  ['relationship', RELATIONSHIPS],
  ['ethnicity', ETHNICITIES],
  ['politicalStatus', POLITICAL_STATUSES],
  ['labourSkill', LABOUR_SKILLS],
  ['education', EDUCATION_LEVELS],
  ['schooling', SCHOOLING_STATUSES],
  ['disabilityCategory', DISABILITY_CATEGORIES],
  ['disabilityGrade', DISABILITY_GRADES],
] as const;
const REQUIRED_SELECTS = new Set<string>(['relationship', 'labourSkill']);

/** The dynamic member list (Form.List "members") shared by 新增农户 and 调整家庭成员. */
export function MemberListFields() {
  const { t, label, language } = useRegistryText();
  const form = Form.useFormInstance<{ members: MemberFormValues[] }>();
  // preserve: the hidden personId/idMasked/phoneMasked of existing members are not inputs.
  const members = Form.useWatch('members', { form, preserve: true }) ?? [];
  const today = dayjs().format('YYYY-MM-DD');
  const name = (key: string) => label(FIELD_LABELS[key]);
  const required = { required: true, message: t('required') };

  return (
    <Form.List
      name="members"
      rules={[
        {
          validator: async (_, list?: MemberFormValues[]) => {
            const heads = (list ?? []).filter((m) => m?.relationship === 'head').length;
            if (heads !== 1) throw new Error(t('oneHead'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {fields.map((field, index) => {
            const current = members[index];
            const heading = [current?.name, current?.relationship && codeLabel(RELATIONSHIPS, current.relationship)]
              .filter(Boolean)
              .join(' · ');
            const idMasked = current?.idMasked;
            const check = current?.idNumber ? checkIdNumber(current.idNumber, today) : null;
            const derived =
              check?.ok && check.sex && check.birthDate
                ? `${t('idDerived')}${check.sex === 'male' ? t('male') : t('female')}，${check.birthDate}`
                : undefined;
            return (
              <Card
                key={field.key}
                size="small"
                data-testid={`member-card-${index}`}
                title={`${t('memberNo')} ${index + 1}${heading ? ` — ${heading}` : ''}`}
                extra={
                  fields.length > 1 && (
                    <Button
                      size="small"
                      danger
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                    >
                      {t('removeMember')}
                    </Button>
                  )
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={name('name')}
                      rules={[{ ...required, whitespace: true }]}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'idNumber']}
                      label={name('idNumber')}
                      extra={
                        [idMasked && t('keepId', { masked: idMasked }), derived].filter(Boolean).join('；') || undefined
                      }
                      validateFirst
                      rules={[
                        // People already in the household keep their recorded number unless it is typed.
                        ...(idMasked ? [] : [required]),
                        {
                          validator: async (_, value?: string) => {
                            if (!value) return;
                            const check = checkIdNumber(value, today);
                            if (!check.ok)
                              throw new Error(t('idInvalidHint') + pickIn(language, check.messageZh, check.messageEn));
                          },
                        },
                        {
                          warningOnly: true,
                          validator: async (_, value?: string) => {
                            if (value && idMasked && !matchesMask(value, idMasked))
                              throw new Error(t('reenterId', { masked: idMasked }));
                          },
                        },
                      ]}
                    >
                      <Input
                        maxLength={22}
                        style={{ fontFamily: 'monospace' }}
                        autoComplete="off"
                        placeholder={idMasked}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={name('phone')}
                      extra={current?.phoneMasked ? t('reenterPhone', { masked: current.phoneMasked }) : undefined}
                    >
                      <Input inputMode="tel" maxLength={13} placeholder={current?.phoneMasked ?? undefined} />
                    </Form.Item>
                    {current?.phoneMasked && (
                      <Form.Item name={[field.name, 'clearPhone']} valuePropName="checked" style={{ marginTop: -12 }}>
                        <Checkbox>{t('clearPhone')}</Checkbox>
                      </Form.Item>
                    )}
                  </Col>
                  {SELECTS.map(([key, list]) => (
                    <Col xs={12} md={6} key={key}>
                      <Form.Item
                        name={[field.name, key]}
                        label={name(key)}
                        rules={
                          REQUIRED_SELECTS.has(key)
                            ? [required]
                            : key === 'education'
                              ? [educationXorSchooling(field.name, t('eduXorSchool'))]
                              : []
                        }
                        dependencies={key === 'education' ? [['members', field.name, 'schooling']] : undefined}
                      >
                        <Select
                          allowClear={!REQUIRED_SELECTS.has(key)}
                          showSearch={{ optionFilterProp: 'label' }}
                          options={codeOptions(list)}
                          placeholder={REQUIRED_SELECTS.has(key) ? undefined : t('notRecorded')}
                        />
                      </Form.Item>
                    </Col>
                  ))}
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'health']} label={name('health')}>
                      <Select mode="multiple" options={codeOptions(HEALTH_CONDITIONS)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'workMonths']} label={name('workMonths')}>
                      <InputNumber min={0} max={12} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'workPlace']} label={name('workPlace')}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Space wrap size={[16, 0]}>
                      {FLAGS.map((flag) => (
                        <Form.Item
                          key={flag}
                          name={[field.name, flag]}
                          valuePropName="checked"
                          style={{ marginBottom: 0 }}
                        >
                          <Checkbox>{name(flag)}</Checkbox>
                        </Form.Item>
                      ))}
                    </Space>
                  </Col>
                </Row>
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...BLANK_MEMBER })} block>
            {t('addMember')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('eduXorSchool')}
          </Typography.Text>
        </Space>
      )}
    </Form.List>
  );
}

/** 文化程度 and 在校生状况: exactly one (the server's rule, shown early). */
function educationXorSchooling(index: number, message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
    validator: async (_: unknown, education?: string | null) => {
      const schooling = getFieldValue(['members', index, 'schooling']);
      if (!education === !schooling) throw new Error(message);
    },
  });
}
