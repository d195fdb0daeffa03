import type { Ref } from '../../core/protocol/programs.js';

/** The note shown after an edit sent approved campaigns back to review. */
export function reviewNote(sent: Ref[]): string | null {
  if (sent.length === 0) return null;
  return `宣传活动 ${sent.map((c) => `「${c.name}」`).join('、')} 已重新送审；审核通过前，屏幕继续播放已批准的版本`;
}
