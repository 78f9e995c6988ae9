import { Alert, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { RELATIONSHIPS } from '#common/domain/registry/codes.ts';
import { splitHousehold, type HouseholdDetail } from '#web/api/registry.ts';
import { codeLabel, codeOptions } from './labels.ts';
import { useRegistryText } from './text.ts';
import { WriteModal } from './WriteModal.tsx';

interface SplitValues {
  newHouseholdNo: string;
  /** Per member, in household.members order: leaving or not, and the relationship in the new household. */
  leaving: { selected?: boolean; relationship?: string }[];
}

/** 分户: chosen members form a new household in the same village with the same facts. */
export function SplitModal({ household, onClosed }: { household: HouseholdDetail; onClosed: () => void }) {
  const { t } = useRegistryText();
  const required = { required: true, message: t('required') };
  return (
    <WriteModal<SplitValues>
      title={`${t('splitTitle')} · ${household.householdNo}`}
      householdId={household.id}
      width={680}
      onClosed={onClosed}
      initialValues={{ leaving: household.members.map(() => ({ selected: false })) }}
      submit={(values) => {
        // Rows follow household.members (the person id is not an input, so it is not in the values).
        const members = values.leaving
          .map((row, index) => ({ ...row, personId: household.members[index].personId }))
          .filter((row) => row.selected)
          .map((row) => ({ personId: row.personId, relationship: (row.relationship ?? 'other') as 'head' }));
        return splitHousehold(household.id, {
          newHouseholdNo: values.newHouseholdNo.trim(),
          members,
          reason: values.reason,
        });
      }}
    >
      <Alert type="info" showIcon title={t('splitHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="newHouseholdNo"
        label={t('newHouseholdNo')}
        rules={[required, { pattern: /^[0-9A-Za-z-]{4,40}$/, message: t('householdNoFormat') }]}
      >
        <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Typography.Paragraph strong>{t('splitMembers')}</Typography.Paragraph>
      <Form.List
        name="leaving"
        rules={[
          {
            validator: async (_, rows?: SplitValues['leaving']) => {
              if (!rows?.some((row) => row.selected)) throw new Error(t('pickMembers'));
            },
          },
        ]}
      >
        {(fields, _, { errors }) => (
          <>
            {fields.map((field, index) => {
              const member = household.members[index];
              return (
                <Flex key={field.key} gap={12} align="baseline">
                  <Form.Item
                    name={[field.name, 'selected']}
                    valuePropName="checked"
                    style={{ width: 220, marginBottom: 8 }}
                  >
                    <Checkbox>
                      {member.name}（{codeLabel(RELATIONSHIPS, member.relationship)}）
                    </Checkbox>
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['leaving', field.name, 'selected']]}>
                    {({ getFieldValue }) =>
                      getFieldValue(['leaving', field.name, 'selected']) && (
                        <Form.Item
                          name={[field.name, 'relationship']}
                          rules={[required]}
                          style={{ flex: 1, marginBottom: 8 }}
                        >
                          <Select
                            placeholder={t('relationshipThere')}
                            showSearch={{ optionFilterProp: 'label' }}
                            options={codeOptions(RELATIONSHIPS)}
                          />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                </Flex>
              );
            })}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </WriteModal>
  );
}
