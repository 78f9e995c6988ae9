import { useCallback, useMemo, useState } from 'react';
import { Upload, message } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { AttachmentRow } from '#common/contracts/attachments.ts';
import { ApiError } from '../api/client.ts';
import { defineMessages, pickIn, useI18n, useMessages } from '../i18n/useI18n.ts';

// Upload photos or scans (images, PDF; 10 MB each) for a record. Files go up one by one to
// POST /api/attachments as soon as they are chosen; the parent receives the ids of the finished
// uploads and sends them with its own form (the owner links them in its transaction).

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,application/pdf';

const TEXT = defineMessages({
  drop: [
    '点击或拖入照片、扫描件（图片或 PDF，每个不超过 10 MB）',
    'Click or drop photos or scans (images or PDF, up to 10 MB each)',
  ],
  hint: [
    '例如：签字的承诺授权书、评议会议记录、公示照片',
    'e.g. the signed undertaking, meeting minutes, a photo of the posted notice',
  ],
  tooBig: ['文件超过 10 MB：{name}', 'Over 10 MB: {name}'],
  wrongType: ['只能上传图片或 PDF：{name}', 'Only images or PDF: {name}'],
  failed: ['上传失败：{name}', 'Upload failed: {name}'],
});

export interface AttachmentUploadProps {
  /** caseStep | visit | project | asset … */
  ownerKind: string;
  /** Set when the owner record exists already; otherwise the parent links the ids on save. */
  ownerId?: number;
  /** The owner's org unit (defaults to the user's own unit on the server). */
  orgCode?: string;
  /** Ids of the finished uploads, in order. */
  onChange?: (ids: number[], rows: AttachmentRow[]) => void;
  maxCount?: number;
  disabled?: boolean;
}

export function attachmentUrl(id: number): string {
  return `/api/attachments/${id}`;
}

export function AttachmentUpload({
  ownerKind,
  ownerId,
  orgCode,
  onChange,
  maxCount = 10,
  disabled,
}: AttachmentUploadProps) {
  const { language } = useI18n();
  const text = useMessages(TEXT);
  const tr = useCallback((k: keyof typeof TEXT, name = '') => text(k, { name }), [text]);
  const [files, setFiles] = useState<UploadFile<AttachmentRow>[]>([]);

  const data = useMemo(() => {
    const d: Record<string, string> = { ownerKind };
    if (ownerId) d.ownerId = String(ownerId);
    if (orgCode) d.orgCode = orgCode;
    return d;
  }, [ownerKind, ownerId, orgCode]);

  const report = (list: UploadFile<AttachmentRow>[]) => {
    const done = list.filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response!);
    onChange?.(
      done.map((r) => r.id),
      done,
    );
  };

  const props: UploadProps<AttachmentRow> = {
    name: 'file',
    action: '/api/attachments',
    data,
    accept: ACCEPT,
    multiple: true,
    maxCount,
    disabled,
    withCredentials: true,
    headers: { 'Accept-Language': pickIn(language, 'zh-CN', 'en') },
    fileList: files,
    listType: 'text',
    beforeUpload(file) {
      if (file.size > MAX_BYTES) {
        message.error(tr('tooBig', file.name));
        return Upload.LIST_IGNORE;
      }
      if (!ACCEPT.split(',').includes(file.type)) {
        message.error(tr('wrongType', file.name));
        return Upload.LIST_IGNORE;
      }
      return true;
    },
    onChange(info) {
      const list = info.fileList.map((f) => {
        if (f.status === 'error') {
          const body = f.response as unknown as { error?: { messageZh?: string; messageEn?: string } } | undefined;
          const text = pickIn(language, body?.error?.messageZh, body?.error?.messageEn) ?? tr('failed', f.name);
          return { ...f, response: undefined, error: new ApiError(0, null, { zh: text, en: text }) };
        }
        if (f.status === 'done' && f.response?.id) return { ...f, url: attachmentUrl(f.response.id) };
        return f;
      });
      if (info.file.status === 'error') message.error(tr('failed', info.file.name));
      setFiles(list);
      report(list);
    },
  };

  return (
    <Upload.Dragger {...props}>
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{tr('drop')}</p>
      <p className="ant-upload-hint">{tr('hint')}</p>
    </Upload.Dragger>
  );
}
