import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Divider, Flex, Form, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { keys } from '#web/api/queryKeys.ts';
import { createHousehold, type HouseholdDetail } from '#web/api/registry.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { factsRequest, HouseholdFactsFields, type FactsFormValues } from './HouseholdFactsFields.tsx';
import { hasAnyAmount, IncomeFields, incomeAmounts, type IncomeFormValues } from './IncomeFields.tsx';
import { BLANK_MEMBER, memberRequest, type MemberFormValues } from './memberForm.ts';
import { MemberListFields } from './MemberListFields.tsx';
import { ReasonField } from './ReasonField.tsx';
import { useRegistryText } from './text.ts';

interface NewHouseholdValues extends FactsFormValues {
  householdNo: string;
  members: MemberFormValues[];
  income?: IncomeFormValues;
  reason: string;
}

export default function NewHouseholdPage() {
  const { t } = useRegistryText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewHouseholdValues>();
  const { mutation, errorAlert } = useFormMutation(
    form,
    (values: NewHouseholdValues) => {
      const income = values.income;
      return createHousehold({
        householdNo: values.householdNo.trim(),
        ...factsRequest(values),
        members: values.members.map(memberRequest),
        income:
          income?.year !== undefined || hasAnyAmount(income)
            ? { year: income?.year ?? 0, ...incomeAmounts(income ?? {}) }
            : undefined,
        reason: values.reason.trim(),
      });
    },
    {
      successMessage: t('created'),
      invalidate: [keys.registry.search()],
      onSuccess: (household: HouseholdDetail) => {
        queryClient.setQueryData(keys.registry.household(household.id), household);
        navigate(`/registry/households/${household.id}`, { replace: true });
      },
    },
  );

  return (
    <Card
      title={t('newTitle')}
      extra={
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/registry')}>
          {t('back')}
        </Button>
      }
    >
      <Form<NewHouseholdValues>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'ordinary',
          members: [{ ...BLANK_MEMBER, relationship: 'head' }],
          reason: t('newTitle'),
        }}
        onFinish={(values) => mutation.mutate(values)}
        scrollToFirstError={{ block: 'center' }}
        style={{ maxWidth: 1100 }}
      >
        {errorAlert}
        <Divider titlePlacement="start">{t('basicInfo')}</Divider>
        <HouseholdFactsFields withHouseholdNo />
        <Divider titlePlacement="start">{t('members')}</Divider>
        <MemberListFields />
        <Divider titlePlacement="start">{t('incomeOptional')}</Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('incomeOptionalHint')}
        </Typography.Paragraph>
        <IncomeFields prefix="income" yearRequired={false} />
        <ReasonField />
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('submitCreate')}
          </Button>
          <Button onClick={() => navigate('/registry')}>{t('cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
