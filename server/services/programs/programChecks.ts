import type { ItemInput, PlaylistInput } from '../../../core/protocol/programs.js';
import { badRequest } from '../../errors.js';
import type { ContentStore, StoredPlaylist } from '../../store/contentStore.js';
import type { ProgramStore } from '../../store/programStore.js';

/** What the schemas cannot check: that referenced media, categories and items exist and fit. */
export function createProgramChecks(content: ContentStore, programs: ProgramStore) {
  function checkItem(i: ItemInput): void {
    const hash = i.kind === 'image' || i.kind === 'video' || i.kind === 'notice' ? i.media : undefined;
    if (hash !== undefined) {
      const m = content.getMedia(hash);
      const want = i.kind === 'video' ? 'video' : 'image';
      if (!m) throw badRequest('media_missing', '所选媒体文件不存在或已被删除，请重新选择');
      if (m.type !== want)
        throw badRequest('media_kind', want === 'video' ? '请选择一个视频文件' : '请选择一个图片文件');
    }
    if (i.kind === 'list-board' && i.selector.categoryIds !== 'all') {
      const known = programs.categoryIds();
      const missing = i.selector.categoryIds.filter((id) => !known.has(id));
      if (missing.length > 0)
        throw badRequest('category_missing', `名单类别不存在：${missing.join('、')}，请刷新后重新选择`);
    }
  }

  function checkEntries(input: PlaylistInput, role: StoredPlaylist['role']): void {
    const missing = input.entries.filter((e) => !content.getItem(e.itemId)).map((e) => e.itemId);
    if (missing.length > 0)
      throw badRequest('item_missing', `节目单中的内容已不存在：${missing.join('、')}，请刷新后重试`);
    if (role === 'lists' && input.entries.some((e) => content.getItem(e.itemId)?.kind !== 'list-board'))
      throw badRequest('lists_only', '信用名单轮播只能包含名单看板');
  }

  return { checkItem, checkEntries };
}
