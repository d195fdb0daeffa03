import type { Canvas, Layout } from '../../core/manifest/types.js';
import { SCREEN_PRESETS } from '../../core/protocol/rest.js';

export const LAYOUT_LABELS: Record<string, string> = {
  landscape: '横屏',
  portrait: '竖屏',
  'led-strip': 'LED 条屏',
  custom: '自定义',
};

export const KIND_LABELS: Record<string, string> = {
  'list-board': '名单榜',
  image: '图片',
  video: '视频',
  notice: '公告',
  ticker: '滚动字幕',
  clock: '时钟',
};

/** The preset a screen matches, if any (a screen may have a canvas no preset has). */
export function presetIdFor(layout: string, canvas: Canvas): string | undefined {
  return SCREEN_PRESETS.find(
    (p) => p.layout === layout && p.canvas.width === canvas.width && p.canvas.height === canvas.height,
  )?.id;
}

export function presetById(id: string): { layout: Layout; canvas: Canvas } | undefined {
  const preset = SCREEN_PRESETS.find((p) => p.id === id);
  return preset && { layout: preset.layout, canvas: preset.canvas };
}
