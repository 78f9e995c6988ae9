import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Tabs, Typography } from 'antd';
import { useMemo, type MouseEvent } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import {
  MANUAL_INDEX_PAGE,
  MANUAL_PAGE_OF_ROLE,
  MANUAL_PAGES,
  type ManualPageResponse,
} from '#common/contracts/help.ts';
import { ROLE_LABELS, ROLES } from '#common/domain/roles.ts';
import { api } from '#web/api/client.ts';
import { keys } from '#web/api/queryKeys.ts';
import { useActor } from '#web/auth/session.ts';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { QueryErrorResult } from '#web/components/QueryErrorResult.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { renderManual } from './renderManual.ts';

// 使用手册: the pages of docs/manual/ (served by /api/help), the signed-in user's own role first.

const MANUAL_CSS = `
.guardline-manual { max-width: 960px; line-height: 1.8; font-size: 15px; overflow-wrap: anywhere; }
.guardline-manual img { max-width: 100%; height: auto; border: 1px solid #f0f0f0; border-radius: 4px; margin: 8px 0; }
.guardline-manual table { border-collapse: collapse; margin: 8px 0; display: block; overflow-x: auto; }
.guardline-manual th, .guardline-manual td { border: 1px solid #e8e8e8; padding: 4px 10px; vertical-align: top; }
.guardline-manual th { background: #fafafa; white-space: nowrap; }
.guardline-manual code { background: #f5f5f5; padding: 0 4px; border-radius: 3px; }
`;

export default function HelpPage() {
  const { t, label, language } = useI18n();
  const { data: actor } = useActor();
  const { page } = useParams();
  const navigate = useNavigate();
  const own = actor ? MANUAL_PAGE_OF_ROLE[actor.role] : MANUAL_INDEX_PAGE;
  const known = page !== undefined && MANUAL_PAGES.includes(page);

  const query = useQuery({
    queryKey: keys.help.page(page ?? ''),
    queryFn: ({ signal }) => api.get<ManualPageResponse>(`/api/help/manual/${page}`, undefined, signal),
    enabled: known,
  });
  const html = useMemo(() => (query.data ? renderManual(query.data.markdown) : ''), [query.data]);

  if (!known) return <Navigate to={`/help/${own}`} replace />;

  const roleTabs = ROLES.map((role) => ({
    key: MANUAL_PAGE_OF_ROLE[role],
    label:
      MANUAL_PAGE_OF_ROLE[role] === own
        ? `${label(ROLE_LABELS[role])}（${t('help.myRole')}）`
        : label(ROLE_LABELS[role]),
  }));
  const tabs = [
    ...roleTabs.filter((tab) => tab.key === own),
    { key: MANUAL_INDEX_PAGE, label: t('help.index') },
    ...roleTabs.filter((tab) => tab.key !== own),
  ];

  // Links between manual pages stay inside the app; screenshots and other links behave as usual.
  const followLink = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as HTMLElement).closest('a');
    const href = anchor?.getAttribute('href');
    if (href?.startsWith('/help/')) {
      event.preventDefault();
      navigate(href);
    }
  };

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('help.title')}
      </Typography.Title>
      {language === 'en' && <Alert type="info" showIcon title={t('help.languageNote')} style={{ marginBottom: 12 }} />}
      <Tabs activeKey={page} items={tabs} onChange={(key) => navigate(`/help/${key}`)} data-testid="help-tabs" />
      <style>{MANUAL_CSS}</style>
      {query.isPending ? (
        <PageLoading />
      ) : query.isError ? (
        <QueryErrorResult error={query.error} />
      ) : (
        <div
          className="guardline-manual"
          data-testid="help-manual"
          onClick={followLink}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      )}
    </Card>
  );
}
