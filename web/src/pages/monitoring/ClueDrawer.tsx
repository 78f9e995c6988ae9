import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { closeClue, fetchClue, type ClueDetail } from '#web/api/monitoring.ts';
import { keys } from '#web/api/queryKeys.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { formatDateTime } from '#web/components/format.ts';
import { HouseholdLink } from '#web/components/HouseholdLink.tsx';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { ClueAgeTag } from './ClueAgeTag.tsx';
import { ClueChannelTags } from './ClueChannelTags.tsx';
import { useCluesText } from './cluesText.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { CHANNEL_LABELS, CONSENT_METHOD_LABELS, riskLabel } from './labels.ts';
import { signalSourceText } from './signalSource.ts';
import { fill, pairLabel, useCommonText } from './text.ts';

function consentText(consent: ClueDetail['consent'], language: string, template: string): string | null {
  if (!consent || consent.signed !== true) return null;
  const method = pairLabel(
    CONSENT_METHOD_LABELS[consent.method as keyof typeof CONSENT_METHOD_LABELS],
    language,
    String(consent.method ?? ''),
  );
  return fill(template, {
    signer: String(consent.signer ?? '—'),
    date: String(consent.signedOn ?? '—'),
    method,
  });
}

function CloseForm({ clue, onClosed }: { clue: ClueDetail; onClosed: () => void }) {
  const tx = useCluesText();
  const tc = useCommonText();
  const [form] = Form.useForm<{ reason: string }>();
  const { mutation, errorAlert } = useFormMutation(
    form,
    ({ reason }: { reason: string }) => closeClue(clue.id, reason),
    {
      onSuccess: onClosed,
    },
  );
  return (
    <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
      {errorAlert}
      <Form.Item
        name="reason"
        label={tx('closeReasonLabel')}
        rules={[{ required: true, whitespace: true, message: tc('required') }, { min: 2 }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={tx('closeReasonPlaceholder')} />
      </Form.Item>
      <Button danger htmlType="submit" loading={mutation.isPending}>
        {tx('closeConfirm')}
      </Button>
    </Form>
  );
}

export function ClueDrawer({
  clueId,
  limit,
  onClose,
}: {
  clueId: number | null;
  limit: number | undefined;
  onClose: () => void;
}) {
  const { language, label } = useI18n();
  const tx = useCluesText();
  const tc = useCommonText();
  const { message } = App.useApp();
  const { data: actor } = useActor();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState(false);
  const query = useQuery({
    queryKey: keys.clues.detail(clueId ?? 0),
    queryFn: () => fetchClue(clueId!),
    enabled: clueId !== null,
  });
  const clue = query.data;
  const canClose = hasPermission(actor, 'clues:write') && clue?.status === 'open';

  const onClosed = async () => {
    setClosing(false);
    message.success(tx('closed'));
    await queryClient.invalidateQueries({ queryKey: keys.clues.all });
  };

  return (
    <Drawer
      open={clueId !== null}
      onClose={onClose}
      afterOpenChange={(open) => !open && setClosing(false)}
      size={640}
      title={
        clue
          ? `${tx('detailTitle')} · ${clue.headName ?? tx('notRegistered')} · ${riskLabel(clue.riskType, language)}`
          : tx('detailTitle')
      }
    >
      {query.isPending && clueId !== null && <PageLoading />}
      {query.isError && <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />}
      {clue && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 110 } }}
            items={[
              {
                key: 'hh',
                label: tc('household'),
                children: clue.householdNo ? (
                  <HouseholdLink
                    id={clue.householdId!}
                  >{`${clue.headName ?? '—'}（${clue.householdNo}）`}</HouseholdLink>
                ) : (
                  <Tag color="gold">{tx('notRegistered')}</Tag>
                ),
              },
              {
                key: 'village',
                label: tc('village'),
                children: clue.villageName,
              },
              {
                key: 'risk',
                label: tc('riskType'),
                children: riskLabel(clue.riskType, language),
              },
              {
                key: 'status',
                label: tx('status'),
                children:
                  clue.status === 'open' ? (
                    <Tag color="processing">{tx('statusOpen')}</Tag>
                  ) : (
                    <Tag>{tx('statusClosed')}</Tag>
                  ),
              },
              {
                key: 'channels',
                label: tx('channels'),
                children: <ClueChannelTags first={clue.channel} all={clue.channels} />,
              },
              {
                key: 'opened',
                label: tx('openedAt'),
                children: formatDateTime(clue.openedAt),
              },
              {
                key: 'age',
                label: tx('age'),
                children: <ClueAgeTag days={clue.ageDays} limit={limit} closed={clue.status === 'closed'} />,
              },
              {
                key: 'consent',
                label: tx('consent'),
                children: consentText(clue.consent, language, tx('consentText')) ?? (
                  <Typography.Text type="warning">{tx('consentMissing')}</Typography.Text>
                ),
              },
              ...(clue.closeReason
                ? [
                    {
                      key: 'closeReason',
                      label: tx('closeReason'),
                      children: clue.closeReason,
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {tx('timeline')}
          </Typography.Title>
          <Timeline
            data-testid="clue-timeline"
            items={clue.signals.map((signal) => ({
              key: signal.id,
              color: CHANNEL_LABELS[signal.channel].color,
              content: (
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  <Space wrap size={6}>
                    <Tag color={CHANNEL_LABELS[signal.channel].color}>{label(CHANNEL_LABELS[signal.channel])}</Tag>
                    <Typography.Text strong>{signalSourceText(signal.source, language)}</Typography.Text>
                    <Typography.Text type="secondary">{formatDateTime(signal.at)}</Typography.Text>
                    {signal.createdBy && (
                      <Typography.Text type="secondary">
                        {tx('recordedBy')}：{signal.createdBy}
                      </Typography.Text>
                    )}
                  </Space>
                  <EvidenceList evidence={signal.evidence} />
                </Space>
              ),
            }))}
          />
          {canClose &&
            (closing ? (
              <CloseForm clue={clue} onClosed={onClosed} />
            ) : (
              <Button onClick={() => setClosing(true)}>{tx('closeClue')}</Button>
            ))}
        </Space>
      )}
    </Drawer>
  );
}
