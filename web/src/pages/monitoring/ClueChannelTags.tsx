import { Space, Tag, Tooltip } from 'antd';
import type { ClueChannel } from '#web/api/monitoring.ts';
import { useI18n } from '#web/i18n/useI18n.ts';
import { CHANNEL_LABELS } from './labels.ts';
import { useCluesText } from './cluesText.ts';

/** The channel that found the clue first as a filled tag, then the channels that joined it. */
export function ClueChannelTags({ first, all }: { first: ClueChannel; all: readonly string[] }) {
  const { label } = useI18n();
  const tx = useCluesText();
  const others = all.filter((c): c is ClueChannel => c !== first && c in CHANNEL_LABELS);
  return (
    <Tooltip title={tx('channelsHint')}>
      <Space size={[0, 4]} wrap data-testid="clue-channels">
        <Tag color={CHANNEL_LABELS[first].color} variant="solid" data-first-channel={first}>
          {label(CHANNEL_LABELS[first])}
        </Tag>
        {others.map((channel) => (
          <Tag key={channel} color={CHANNEL_LABELS[channel].color} variant="outlined">
            {label(CHANNEL_LABELS[channel])}
          </Tag>
        ))}
      </Space>
    </Tooltip>
  );
}
