import { PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { noticeHtmlUrl, noticePdfUrl } from '#web/api/cases.ts';
import { PdfButton } from '#web/components/PdfButton.tsx';
import { useCasesText } from './text.ts';

// The notice exactly as it will be posted (the server renders it; print and PDF use the same page).

export default function NoticePrintPage() {
  const t = useCasesText();
  const params = useParams();
  const id = Number(params.id);
  const kind = params.kind === 'announcement' ? 'announcement' : 'publicity';
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Card
      title={t('noticeTitle')}
      extra={
        <Space>
          <Link to={`/cases/${id}`}>
            <Button icon={<RollbackOutlined />}>{t('back')}</Button>
          </Link>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => frame.current?.contentWindow?.print()}
            data-testid="notice-print"
          >
            {t('print')}
          </Button>
          <PdfButton
            url={noticePdfUrl(id, kind)}
            fileName={`${kind === 'announcement' ? '公告' : '公示'}-${id}.pdf`}
            testId="notice-pdf"
          />
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('noticeHint')} style={{ marginBottom: 12 }} />
      <iframe
        ref={frame}
        title="notice"
        src={noticeHtmlUrl(id, kind)}
        data-testid="notice-frame"
        style={{
          width: '100%',
          maxWidth: 820,
          height: 1000,
          border: '1px solid #ddd',
          background: '#fff',
          display: 'block',
          margin: '0 auto',
        }}
      />
    </Card>
  );
}
