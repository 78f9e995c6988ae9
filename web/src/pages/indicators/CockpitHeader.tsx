import { DownloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, DatePicker, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { cockpitXlsxUrl } from '#web/api/indicators.ts';
import { download, useL } from './shared.tsx';

export interface Crumb {
  code: string;
  name: string;
}

interface Props {
  trail: Crumb[];
  onBack: (code: string) => void;
  unitName: string | undefined;
  org: string;
  period: string;
  boundaries: string;
  set: (patch: Record<string, string>) => void;
}

/** The way down (breadcrumb), the unit's title, the month, the boundaries and the .xlsx. */
export function CockpitHeader({ trail, onBack, unitName, org, period, boundaries, set }: Props) {
  const l = useL();
  return (
    <Card>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space direction="vertical" size={0}>
          <Breadcrumb
            items={[
              ...trail.map((t) => ({ title: <a onClick={() => onBack(t.code)}>{t.name}</a> })),
              { title: unitName ?? '…' },
            ]}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {l('指标驾驶舱', 'Indicator cockpit')} · {unitName}
          </Typography.Title>
        </Space>
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${period}-01`)}
            onChange={(d) => d && set({ period: d.format('YYYY-MM') })}
            aria-label={l('月份', 'Month')}
          />
          <Radio.Group
            value={boundaries}
            onChange={(e) => set({ boundaries: e.target.value })}
            optionType="button"
            options={[
              { value: 'asOfPeriod', label: l('按当期区划', 'As of period') },
              { value: 'current', label: l('按现行区划', 'Current boundaries') },
            ]}
          />
          <Button icon={<DownloadOutlined />} onClick={() => download(cockpitXlsxUrl({ org, period }))}>
            {l('导出 Excel', 'Export .xlsx')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
