import { Empty } from 'antd';
import { useCommonText } from './text.ts';

/** Shown where the server side of a feature is not deployed yet (the route answers 404). */
export function ApiPending() {
  const tc = useCommonText();
  return <Empty data-testid="api-pending" image={Empty.PRESENTED_IMAGE_SIMPLE} description={tc('apiPending')} />;
}
