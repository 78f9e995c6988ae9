import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, Space, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useState } from 'react';
import { ORG_LEVEL_LABELS } from '#common/domain/roles.ts';
import { isClosed, searchOrgUnits, type OrgUnit } from '#web/api/org.ts';
import { errorMessage } from '#web/components/errorMessage.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { keys } from '#web/api/queryKeys.ts';

const RESULTS_STYLE: CSSProperties = { maxHeight: 260, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 4 };
const ROW_STYLE: CSSProperties = { justifyContent: 'flex-start', height: 'auto', padding: '4px 8px' };

/** Finds a unit anywhere in the actor's scope by name or code; picking one reveals it in the tree. */
export function OrgSearch({ onPick }: { onPick: (unit: OrgUnit) => void }) {
  const { t, label, language } = useI18n();
  const [query, setQuery] = useState('');
  const searchQuery = useQuery({
    queryKey: keys.org.search(query),
    queryFn: () => searchOrgUnits(query),
    enabled: query.length > 0,
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={t('org.searchPlaceholder')}
        aria-label={t('org.searchPlaceholder')}
        loading={searchQuery.isFetching}
        onSearch={(value) => setQuery(value.trim())}
        onChange={(event) => event.target.value === '' && setQuery('')}
      />
      {query && searchQuery.isError && (
        <Typography.Text type="danger">{errorMessage(searchQuery.error, language).message}</Typography.Text>
      )}
      {query && searchQuery.data?.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.searchEmpty')} />
      )}
      {query && !!searchQuery.data?.length && (
        <div data-testid="org-search-results" style={RESULTS_STYLE}>
          {searchQuery.data.map((unit) => (
            <Button key={unit.code} type="text" block style={ROW_STYLE} onClick={() => onPick(unit)}>
              <Space size={8}>
                <Typography.Text type={isClosed(unit) ? 'secondary' : undefined}>{unit.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {unit.code}
                </Typography.Text>
                <Tag>{label(ORG_LEVEL_LABELS[unit.level])}</Tag>
                {isClosed(unit) && <Tag color="orange">{t('org.closed')}</Tag>}
              </Space>
            </Button>
          ))}
        </div>
      )}
    </Space>
  );
}
