import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Divider, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createHousehold, registryKeys, type HouseholdDetail } from '../../api/registry.ts';
import { factsRequest, HouseholdFactsFields, type FactsFormValues } from './HouseholdFactsFields.tsx';
import { hasAnyAmount, IncomeFields, incomeAmounts, type IncomeFormValues } from './IncomeFields.tsx';
import { BLANK_MEMBER, memberRequest, type MemberFormValues } from './memberForm.ts';
import { MemberListFields } from './MemberListFields.tsx';
import { ReasonField } from './ReasonField.tsx';
import { applyServerFieldErrors } from './serverErrors.ts';
import { ServerErrorAlert } from './ServerErrorAlert.tsx';
import { useRegistryText } from './text.ts';

interface NewHouseholdValues extends FactsFormValues {
  householdNo: string;
  members: MemberFormValues[];
  income?: IncomeFormValues;
  reason: string;
}

export default function NewHouseholdPage() {
  const { t, language } = useRegistryText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewHouseholdValues>();
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const mutation = useMutation({
    mutationFn: (values: NewHouseholdValues) => {
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
    onMutate: () => setUnplaced([]),
    onSuccess: async (household: HouseholdDetail) => {
      queryClient.setQueryData(registryKeys.household(household.id), household);
      await queryClient.invalidateQueries({ queryKey: ['registry', 'search'] });
      message.success(t('created'));
      navigate(`/registry/households/${household.id}`, { replace: true });
    },
    onError: (error) => setUnplaced(applyServerFieldErrors(form, error, language)),
  });

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
        <ServerErrorAlert error={mutation.error} unplaced={unplaced} />
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
