/** Renderers shared by the kiosk player, the admin preview and the live mirror: props in, DOM out. */
export { ClockView } from './ClockView.js';
export { Crossfade, type CrossfadeSlot } from './Crossfade.js';
export { ImageView } from './ImageView.js';
export { ItemView } from './ItemView.js';
export { ListBoard } from './ListBoard.js';
export { MAX_ROW_NODES } from './ListModes.js';
export { type BoardPage, entryCount, type LiveList, liveLists, msUntilNextPage, pageAt } from './listRows.js';
export { NoticeView } from './NoticeView.js';
export { Poster } from './Poster.js';
export { Stage, type StageProps, stageOf } from './Stage.js';
export { TickerView } from './TickerView.js';
export { dateIn } from './time.js';
export type { ItemCallbacks, ItemViewProps, RenderContext, RenderErrorCode } from './types.js';
export { VideoView } from './VideoView.js';
