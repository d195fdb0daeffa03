import type { PlaylistEntry } from '../../../core/schedule/types.js';
import { badRequest } from '../../errors.js';
import type { ContentStore } from '../../store/contentStore.js';

/**
 * Old Android boxes (a screen group marked "old boxes", docs/android-boxes.md) decode H.264/AAC
 * in MP4 in hardware and WebM (VP8/VP9) badly or not at all: a WebM video scheduled to such a
 * group is refused, naming the item.
 */
export function checkOldBoxes(
  content: ContentStore,
  group: { name: string; oldBoxes?: boolean },
  entries: PlaylistEntry[],
): void {
  if (!group.oldBoxes) return;
  const webm = entries
    .map((e) => content.getItem(e.itemId))
    .filter((i) => i?.kind === 'video' && content.getMedia(i.media)?.mime === 'video/webm')
    .map((i) => `「${i!.name}」`);
  if (webm.length === 0) return;
  throw badRequest(
    'old_boxes_video',
    `屏幕分组「${group.name}」标记为老旧设备，不能播放 WebM 视频${[...new Set(webm)].join('、')}：请改用 MP4（H.264/AAC）`,
  );
}
