import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import {
  fetchProjects,
  projectKeys,
  projectsExportUrl,
  type ProjectFilters,
  type ProjectRow,
} from '../../api/projects.ts';
import { hasPermission, useActor } from '../../auth/session.ts';
import { QueryErrorResult } from '../../components/QueryErrorResult.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import {
  PROJECT_STATUS_LABELS,
  PROJECT_TYPE_LABELS,
  PROJECT_TYPES,
  STATUS_COLORS,
  stageLabel,
  statusLabel,
} from './labels.ts';
import { NewProjectModal } from './NewProjectModal.tsx';
import { ProjectDrawer } from './ProjectDrawer.tsx';
import { yuan, useProjectsText } from './text.ts';

/** 项目库: every project in scope with where it stands; the caller's to-dos marked. */
export default function ProjectsPage() {
  const t = useProjectsText();
  const { label } = useI18n();
  const { data: actor } = useActor();
  // The workbench's 项目库待办理 card opens /projects?mine=1.
  const [search] = useSearchParams();
  const [filters, setFilters] = useState<ProjectFilters>(() => (search.get('mine') === '1' ? { mine: true } : {}));
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const query = useQuery({ queryKey: projectKeys.list(filters), queryFn: () => fetchProjects(filters) });
  const canWrite = hasPermission(actor, 'projects:write');
  const canDeclare = canWrite && actor?.role !== 'department';

  const columns: TableColumnsType<ProjectRow> = [
    {
      title: t('name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Space>
          <Typography.Link onClick={() => setOpenId(row.id)}>{name}</Typography.Link>
          {row.canAct && <Badge status="processing" text={t('waiting')} />}
        </Space>
      ),
    },
    {
      title: t('type'),
      dataIndex: 'type',
      width: 120,
      render: (v: ProjectRow['type'], r) => `${label(PROJECT_TYPE_LABELS[v])}${r.subType ? `/${r.subType}` : ''}`,
    },
    { title: t('place'), dataIndex: 'orgName', width: 110 },
    { title: t('year'), dataIndex: 'year', width: 70 },
    { title: t('budget'), dataIndex: 'budgetFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
    { title: t('disbursed'), dataIndex: 'disbursedFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
    {
      title: t('stage'),
      dataIndex: 'entryStage',
      width: 150,
      render: (s: string, r) => (
        <span>
          {stageLabel(s)}
          {r.noticeEndsOn && (
            <Typography.Text type="secondary">
              （{t('noticeUntil')} {r.noticeEndsOn}）
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      width: 80,
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s)}</Tag>,
    },
  ];

  return (
    <Card
      title={t('libraryTitle')}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={projectsExportUrl(filters.year as number | undefined)} download>
            {t('export')}
          </Button>
          {canDeclare && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setCreating(true)}>
              {t('newProject')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('libraryIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <InputNumber
          placeholder={t('year')}
          min={2013}
          max={2100}
          onChange={(v) => setFilters((f) => ({ ...f, year: v ?? undefined }))}
        />
        <Select
          allowClear
          placeholder={t('type')}
          style={{ width: 150 }}
          options={PROJECT_TYPES.map((v) => ({ value: v, label: label(PROJECT_TYPE_LABELS[v]) }))}
          onChange={(v) => setFilters((f) => ({ ...f, type: v }))}
        />
        <Select
          allowClear
          placeholder={t('status')}
          style={{ width: 120 }}
          options={Object.entries(PROJECT_STATUS_LABELS).map(([value, zh]) => ({ value, label: zh }))}
          onChange={(v) => setFilters((f) => ({ ...f, status: v as ProjectFilters['status'] }))}
        />
        <Input.Search
          placeholder={t('search')}
          allowClear
          onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))}
          style={{ width: 200 }}
        />
        {canWrite && (
          <Checkbox
            checked={!!filters.mine}
            onChange={(e) => setFilters((f) => ({ ...f, mine: e.target.checked || undefined }))}
          >
            {t('mine')}
          </Checkbox>
        )}
      </Space>
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<ProjectRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isPending}
          locale={{ emptyText: t('empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(row) =>
            ({ onDoubleClick: () => setOpenId(row.id), 'data-project-id': row.id }) as HTMLAttributes<HTMLElement>
          }
          scroll={{ x: 1000 }}
        />
      )}
      <NewProjectModal open={creating} onClose={() => setCreating(false)} onCreated={(p) => setOpenId(p.id)} />
      <ProjectDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
