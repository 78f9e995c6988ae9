import { ExportOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  EDUCATION_LEVELS,
  HEALTH_CONDITIONS,
  LABOUR_SKILLS,
  RELATIONSHIPS,
  SCHOOLING_STATUSES,
} from '#common/domain/registry/codes.ts';
import type { HouseholdDetail, MemberRow } from '#web/api/registry.ts';
import { codeLabel, codeLabels, FIELD_LABELS } from './labels.ts';
import { MoveMemberModal } from './MoveMemberModal.tsx';
import { RevealIdButton } from './RevealIdButton.tsx';
import { useRegistryText } from './text.ts';

const mono = { fontFamily: 'monospace' } as const;
const SUPPORT_FLAGS = [
  ['residentMedicalInsurance', 'residentShort'],
  ['employeeMedicalInsurance', 'employeeShort'],
  ['minimumLiving', 'minimumLivingShort'],
  ['destituteSupport', 'destituteShort'],
  ['publicWelfarePost', 'postShort'],
] as const;

interface Props {
  household: HouseholdDetail;
  canWrite: boolean;
  canReveal: boolean;
}

/** Active members with masked IDs; 查看 (audited) for roles allowed to see a full number. */
export function MembersTab({ household, canWrite, canReveal }: Props) {
  const { t, label } = useRegistryText();
  const [moving, setMoving] = useState<MemberRow | null>(null);
  const flagged = new Set(
    household.quality.flatMap((finding) => (finding.memberIndex === null ? [] : [finding.memberIndex])),
  );

  const columns: TableColumnsType<MemberRow> = [
    {
      title: t('memberName'),
      dataIndex: 'name',
      width: 100,
      fixed: 'start',
      render: (name: string, _, index) => (
        <Space size={4}>
          <Typography.Text strong>{name}</Typography.Text>
          {flagged.has(index) && (
            <Tooltip title={t('findingsOnMember')}>
              <WarningOutlined style={{ color: '#fa8c16' }} aria-label={t('findingsOnMember')} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: label(FIELD_LABELS.relationship),
      dataIndex: 'relationship',
      width: 90,
      render: (code: string) => codeLabel(RELATIONSHIPS, code),
    },
    {
      title: t('idNumber'),
      key: 'id',
      width: 215,
      render: (_, member) => (
        <Space size={0}>
          <span style={mono} data-testid="member-id-masked">
            {member.idMasked}
          </span>
          {canReveal && <RevealIdButton householdId={household.id} personId={member.personId} name={member.name} />}
        </Space>
      ),
    },
    {
      title: t('sexAge'),
      key: 'sex',
      width: 90,
      render: (_, m) =>
        `${m.sex === 'male' ? t('male') : m.sex === 'female' ? t('female') : '—'} / ${m.age ?? '—'}${m.age !== null ? t('years') : ''}`,
    },
    {
      title: label(FIELD_LABELS.labourSkill),
      dataIndex: 'labourSkill',
      width: 110,
      render: (code: string) => codeLabel(LABOUR_SKILLS, code),
    },
    {
      title: label(FIELD_LABELS.health),
      dataIndex: 'health',
      width: 110,
      render: (codes: string[]) => codeLabels(HEALTH_CONDITIONS, codes),
    },
    {
      title: t('schoolOrEducation'),
      key: 'school',
      width: 110,
      // 在校 marks a pupil: 小学 is both a school grade and an education level.
      render: (_, m) =>
        m.schooling
          ? `${t('atSchool')} ${codeLabel(SCHOOLING_STATUSES, m.schooling)}`
          : codeLabel(EDUCATION_LEVELS, m.education),
    },
    {
      title: t('work'),
      key: 'work',
      width: 120,
      render: (_, m) =>
        m.workMonths ? `${m.workMonths} ${t('months')}${m.workPlace ? ` · ${m.workPlace}` : ''}` : '—',
    },
    {
      title: t('insurance'),
      key: 'support',
      width: 170,
      // Only what applies, as tags; 未参保 is itself worth flagging.
      render: (_, m) => {
        const tags = SUPPORT_FLAGS.filter(([flag]) => m[flag]).map(([flag, text]) => (
          <Tag key={flag} style={{ marginInlineEnd: 4 }}>
            {t(text)}
          </Tag>
        ));
        if (!m.residentMedicalInsurance && !m.employeeMedicalInsurance)
          tags.unshift(
            <Tag key="none" color="red">
              {t('uninsured')}
            </Tag>,
          );
        return tags.length > 0 ? (
          <Space size={[0, 4]} wrap>
            {tags}
          </Space>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('phone'),
      dataIndex: 'phoneMasked',
      width: 110,
      render: (phone: string | null) => <span style={mono}>{phone ?? '—'}</span>,
    },
    { title: t('since'), dataIndex: 'validFrom', width: 100 },
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 90,
            fixed: 'end' as const,
            render: (_: unknown, member: MemberRow) => (
              <Button size="small" icon={<ExportOutlined />} onClick={() => setMoving(member)}>
                {t('move')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Table<MemberRow>
        rowKey="personId"
        size="middle"
        columns={columns}
        dataSource={household.members}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="members-table"
      />
      {moving && <MoveMemberModal household={household} member={moving} onClosed={() => setMoving(null)} />}
    </>
  );
}
