import { useEffect } from 'react';
import { ClockView } from './ClockView.js';
import { useItemSignals } from './hooks.js';
import { ImageView } from './ImageView.js';
import { ListBoard } from './ListBoard.js';
import { NoticeView } from './NoticeView.js';
import { TickerView } from './TickerView.js';
import type { ItemViewProps } from './types.js';
import { VideoView } from './VideoView.js';

/** Renders any manifest item by its kind; each view's root carries `data-kind="<kind>"`. */
export function ItemView(props: ItemViewProps) {
  const { item } = props;
  switch (item.kind) {
    case 'list-board':
      return <ListBoard {...props} item={item} />;
    case 'image':
      return <ImageView {...props} item={item} />;
    case 'video':
      return <VideoView {...props} item={item} />;
    case 'notice':
      return <NoticeView {...props} item={item} />;
    case 'ticker':
      return <TickerView {...props} item={item} />;
    case 'clock':
      return <ClockView {...props} item={item} />;
    default:
      return <UnknownItem kind={String((item as { kind?: unknown }).kind)} onError={props.onError} />;
  }
}

/** A kind this player does not know (a newer server): nothing shown, the player skips it. */
function UnknownItem({ kind, onError }: { kind: string; onError: ItemViewProps['onError'] }) {
  const signals = useItemSignals({ onError });
  useEffect(() => signals.error('unknown-kind', `unknown item kind: ${kind}`), [kind, signals]);
  return <div className="hc-unknown" data-kind={kind} />;
}
