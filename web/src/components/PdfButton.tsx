import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useState } from 'react';
import { fetchPdf } from '../api/client.ts';
import { defineMessages, useI18n, useMessages } from '../i18n/useI18n.ts';
import { errorMessage } from './errorMessage.ts';

// "下载 PDF": the server prints the notice with Chromium, which takes a few seconds. The button shows that it is
// working (spinner and 正在生成 PDF…), saves the file when it arrives and says why when it fails (e.g. no Chromium
// on the server: use 打印 instead).

const TEXT = defineMessages({
  idle: ['下载 PDF', 'Download PDF'],
  busy: ['正在生成 PDF…', 'Generating PDF…'],
  done: ['PDF 已下载', 'PDF downloaded'],
  failed: ['PDF 生成失败', 'PDF failed'],
});

export function PdfButton({ url, fileName, testId }: { url: string; fileName: string; testId?: string }) {
  const { language } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const l = useMessages(TEXT);
  const run = async () => {
    setBusy(true);
    try {
      const blob = await fetchPdf(url);
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      message.success(l('done'));
    } catch (err) {
      message.error(`${l('failed')}：${errorMessage(err, language).message}`, 8);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void run()}
      data-testid={testId}
      data-busy={busy ? 'true' : 'false'}
    >
      {busy ? l('busy') : l('idle')}
    </Button>
  );
}
