import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Flex, Spin } from 'antd';
import { useRef, useState } from 'react';
import { downscalePhoto, type VisitPhoto } from './imageDownscale.ts';
import { useVisitText } from './visitText.ts';

const MAX_PHOTOS = 3;

interface Props {
  value?: VisitPhoto[];
  onChange?: (photos: VisitPhoto[]) => void;
  id?: string;
}

/** Up to three photos from the phone camera (or gallery), shrunk in the browser before upload. */
export function PhotoInput({ value = [], onChange, id }: Props) {
  const tx = useVisitText();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const room = MAX_PHOTOS - value.length;
    const picked = Array.from(files).filter((f) => f.type.startsWith('image/'));
    if (picked.length > room) message.warning(tx('photoLimit'));
    setBusy(true);
    const added: VisitPhoto[] = [];
    for (const file of picked.slice(0, room)) {
      try {
        added.push(await downscalePhoto(file));
      } catch {
        message.error(tx('photoFailed'));
      }
    }
    setBusy(false);
    onChange?.([...value, ...added]);
    if (input.current) input.current.value = '';
  };

  return (
    <div id={id}>
      <Flex gap={8} wrap>
        {value.map((photo, index) => (
          <div
            key={`${photo.name}-${index}`}
            style={{ position: 'relative', width: 96, height: 96 }}
            data-testid="visit-photo"
          >
            <img
              src={photo.dataUrl}
              alt={photo.name}
              style={{
                width: 96,
                height: 96,
                objectFit: 'cover',
                borderRadius: 4,
                border: '1px solid #d9d9d9',
              }}
            />
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={tx('removePhoto')}
              style={{ position: 'absolute', top: 2, right: 2 }}
              onClick={() => onChange?.(value.filter((_, i) => i !== index))}
            />
          </div>
        ))}
        {value.length < MAX_PHOTOS && (
          <Button
            style={{
              width: 96,
              height: 96,
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 4,
            }}
            onClick={() => input.current?.click()}
            disabled={busy}
          >
            {busy ? <Spin size="small" /> : <CameraOutlined style={{ fontSize: 24 }} />}
            <span style={{ fontSize: 12 }}>{tx('addPhoto')}</span>
          </Button>
        )}
      </Flex>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid="visit-photo-input"
        onChange={(event) => void add(event.target.files)}
      />
    </div>
  );
}
