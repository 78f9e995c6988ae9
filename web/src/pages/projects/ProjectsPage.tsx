import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { listExportUrl } from '#web/api/monitoring.ts';
import { fetchProjectPage, PROJECT_FILTER_KEYS, PROJECTS_EXPORT_PATH, type ProjectRow } from '#web/api/projects.ts';
import { hasPermission, useActor } from '#web/auth/session.ts';
import { LedgerList } from '#web/components/LedgerListCard.tsx';
import { usePagedList } from '#web/components/usePagedList.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
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
import { keys } from '#web/api/queryKeys.ts';

/** 项目库: every project in scope with where it stands; the caller's to-dos marked. */
export default function ProjectsPage() {
  const t = useProjectsText();
  const { label } = useI18n();
  const { data: actor } = useActor();
  // Filters, page and sort live in the address; the workbench's 项目库待办理 card opens /projects?mine=1.
  const list = usePagedList({
    key: [...keys.projects.all, 'page'],
    filterKeys: PROJECT_FILTER_KEYS,
    fetch: fetchProjectPage,
  });
  const filters = list.filters;
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const canWrite = hasPermission(actor, 'projects:write');
  const canDeclare = canWrite && actor?.role !== 'department';

  const columns: TableColumnsType<ProjectRow> = [
    {
      title: t('name'),
      dataIndex: 'name',
      ...list.sortable('name'),
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
    { title: t('place'), dataIndex: 'orgName', width: 110, ...list.sortable('orgCode') },
    { title: t('year'), dataIndex: 'year', width: 80, ...list.sortable('year') },
    {
      title: t('budget'),
      dataIndex: 'budgetFen',
      width: 130,
      align: 'right',
      ...list.sortable('budgetFen'),
      render: (v: number) => yuan(v),
    },
    { title: t('disbursed'), dataIndex: 'disbursedFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
    {
      title: t('stage'),
      dataIndex: 'entryStage',
      width: 150,
      ...list.sortable('entryStage'),
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
      width: 90,
      ...list.sortable('status'),
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s)}</Tag>,
    },
  ];

  return (
    <Card
      title={t('libraryTitle')}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={listExportUrl(PROJECTS_EXPORT_PATH, filters, list.request)}
            download
            data-testid="projects-export"
          >
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
          value={filters.year ? Number(filters.year) : null}
          onChange={(v) => list.setFilter('year', v ? String(v) : undefined)}
        />
        <Select
          allowClear
          placeholder={t('type')}
          style={{ width: 150 }}
          value={filters.type}
          options={PROJECT_TYPES.map((v) => ({ value: v, label: label(PROJECT_TYPE_LABELS[v]) }))}
          onChange={(v) => list.setFilter('type', v)}
        />
        <Select
          allowClear
          placeholder={t('status')}
          style={{ width: 120 }}
          value={filters.status}
          options={Object.entries(PROJECT_STATUS_LABELS).map(([value, zh]) => ({ value, label: zh }))}
          onChange={(v) => list.setFilter('status', v)}
        />
        <Input.Search
          placeholder={t('search')}
          allowClear
          defaultValue={filters.q}
          onSearch={(q) => list.setFilter('q', q || undefined)}
          style={{ width: 200 }}
        />
        {canWrite && (
          <Checkbox
            checked={!!filters.mine}
            onChange={(e) => list.setFilter('mine', e.target.checked ? '1' : undefined)}
          >
            {t('mine')}
          </Checkbox>
        )}
      </Space>
      <LedgerList
        list={list}
        rowKey="id"
        columns={columns}
        emptyText={t('empty')}
        table={{
          onRow: (row) =>
            ({ onDoubleClick: () => setOpenId(row.id), 'data-project-id': row.id }) as HTMLAttributes<HTMLElement>,
        }}
        scrollX={1000}
      />
      <NewProjectModal open={creating} onClose={() => setCreating(false)} onCreated={(p) => setOpenId(p.id)} />
      <ProjectDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
