import type { ReactNode } from 'react';
import type { Manifest } from '../../core/manifest/types.js';
import { type CrossfadeSlot, dateIn, ItemView, Poster, type RenderContext } from '../render/index.js';
import type { PlayerSync } from '../sync/playerSync.js';
import type { Choice } from './choose.js';
import { ItemBoundary } from './ItemBoundary.js';
import { DEFAULT_SEGMENTS, PlayInProgress } from './proofOfPlay.js';

/** How long an incoming item may take to be ready before it is skipped: half its time, 3–15 s. */
export function readyTimeoutMs(durationMs: number): number {
  return Math.min(15_000, Math.max(3_000, Math.round(durationMs / 2)));
}

/** An item left unready this long when its slot ended counts as skipped. */
const ABANDONED_MS = 1000;

interface Prepared {
  since: number;
  choice: Choice;
  revision: number;
  slot: CrossfadeSlot;
  readyAt: number | null;
  watchdog: ReturnType<typeof setTimeout> | undefined;
}

/** What the main zone may hold on to when what it should show next fails. */
interface HoldContext {
  manifest: Manifest;
  listsAllowed: boolean;
}

/**
 * The main zone's playback: turns the schedule's choice into a Crossfade slot, skips an item
 * that fails or hangs (watchdog) and reports it, keeps the last good content meanwhile (never an
 * entry it should not: a list board is held only at the current revision while lists may show),
 * and records proof of play.
 */
export class PlaybackController {
  private prepared = new Map<string, Prepared>();
  private failed = new Map<string, number>();
  private shownKey: string | null = null;
  private target: string | null = null;
  private play: PlayInProgress | null = null;
  private playingKey: string | null = null;
  private lastConfirmed = -1;
  /** The screen's local date: views are rebuilt when it changes (a clock that jumped). */
  private today = '';
  private todayAt = { at: 0, zone: '' };

  constructor(
    private sync: PlayerSync,
    private changed: () => void,
  ) {}

  /** The slot to show for `choice` (or what stands in for it when it failed). */
  slotFor(choice: Choice, hold: HoldContext): CrossfadeSlot {
    this.updateToday(hold.manifest.timezone);
    const chosen = this.failed.has(choice.key) ? this.fallback(choice, hold) : choice;
    let p = this.prepared.get(chosen.key);
    if (!p) {
      p = this.prepare(chosen, hold.manifest);
      this.prepared.set(chosen.key, p);
    }
    this.target = chosen.key;
    this.prune();
    return p.slot;
  }

  private fallback(choice: Choice, { manifest, listsAllowed }: HoldContext): Choice {
    const shown = this.shownKey ? this.prepared.get(this.shownKey) : undefined;
    if (shown && !this.failed.has(shown.choice.key)) {
      const item = shown.choice.item;
      if (!item) return shown.choice;
      if (item.kind !== 'list-board' && manifest.items.some((i) => i.id === item.id)) return shown.choice;
      if (item.kind === 'list-board' && listsAllowed && shown.revision === manifest.revision)
        return shown.choice;
    }
    return {
      item: null,
      lists: [],
      slot: choice.slot,
      key: `poster:${manifest.revision}:skip:${choice.key}`,
    };
  }

  /** The local date, looked up at most once a minute (time-zone maths is slow on a hall box). */
  private updateToday(timezone: string): void {
    const now = this.sync.clock.now();
    if (this.todayAt.zone === timezone && now >= this.todayAt.at && now - this.todayAt.at < 60_000) return;
    this.today = dateIn(now, timezone);
    this.todayAt = { at: now, zone: timezone };
  }

  private prepare(choice: Choice, manifest: Manifest): Prepared {
    const key = choice.key;
    const urls = new Map<string, string>();
    const ctx: RenderContext = {
      lists: choice.lists,
      // Fixed per item once asked, so a download finishing mid-play does not swap the source.
      mediaUrl: (hash) => {
        if (!urls.has(hash)) urls.set(hash, this.sync.media.urlFor(hash));
        return urls.get(hash) ?? '';
      },
      now: () => this.sync.clock.now(),
      timezone: manifest.timezone,
      hall: manifest.hall,
      canvas: manifest.canvas,
      layout: manifest.layout,
    };
    const item = choice.item;
    const p: Prepared = {
      since: performance.now(),
      choice,
      revision: manifest.revision,
      slot: { key, render: () => null },
      readyAt: null,
      watchdog: undefined,
    };
    const onError = (code: string, message: string) => this.fail(key, code, message);
    let crossfadeReady = () => {};
    const onReady = () => this.ready(key, () => crossfadeReady());
    // One element per item (and per local date): React skips re-rendering the view on every tick;
    // views move on by their own timers (page turns, midnight, animation frames).
    let built: { today: string; element: ReactNode } | null = null;
    const build = (): ReactNode =>
      item ? (
        <ItemBoundary onError={onError} canvas={manifest.canvas} layout={manifest.layout}>
          <ItemView item={item} ctx={ctx} onReady={onReady} onError={onError} />
        </ItemBoundary>
      ) : (
        <Poster
          canvas={manifest.canvas}
          layout={manifest.layout}
          hallName={manifest.hall.name}
          onReady={onReady}
        />
      );
    p.slot.render = (ready) => {
      crossfadeReady = ready;
      if (built?.today !== this.today) built = { today: this.today, element: build() };
      return built.element;
    };
    if (item) {
      p.watchdog = setTimeout(() => {
        if (p.readyAt === null && this.target === key)
          this.fail(key, 'item_timeout', `${item.kind} ${item.id} was not ready in time`);
      }, readyTimeoutMs(item.durationMs));
    }
    return p;
  }

  /** The incoming item is ready: its fade-in begins, so the outgoing item's play ends now. */
  private ready(key: string, crossfadeReady: () => void): void {
    const p = this.prepared.get(key);
    if (!p || this.failed.has(key)) return;
    if (p.readyAt === null) {
      p.readyAt = this.sync.clock.now();
      clearTimeout(p.watchdog);
      traceReady(key);
    }
    if (key !== this.playingKey) this.startPlay(key, p);
    crossfadeReady();
  }

  /** Its fade-in begins: the outgoing item's play ends and this one's begins. */
  private startPlay(key: string, p: Prepared): void {
    const at = p.readyAt ?? this.sync.clock.now();
    this.endPlay(at);
    this.playingKey = key;
    const item = p.choice.item;
    if (!item || !p.choice.slot) return;
    const layer = document.querySelector(`.hc-layer[data-key="${CSS.escape(key)}"]`);
    const segmentMs = this.sync.snapshot.manifest?.player.playSegmentMs;
    this.play = new PlayInProgress(
      item,
      p.choice.slot,
      at,
      layer,
      () => this.sync.clock.now(),
      (record) => this.sync.recordPlay(record),
      segmentMs ? { ...DEFAULT_SEGMENTS, maxMs: segmentMs } : DEFAULT_SEGMENTS,
    );
  }

  private fail(key: string, code: string, message: string): void {
    if (this.failed.has(key)) return;
    const p = this.prepared.get(key);
    this.failed.set(key, this.sync.clock.now());
    this.sync.reportError(code, message, p?.choice.item?.id);
    if (key === this.playingKey) this.endPlay(this.sync.clock.now());
    this.changed();
  }

  /** Crossfade says `key` is on screen alone. */
  onShown(key: string, manifest: Manifest): void {
    const p = this.prepared.get(key);
    if (!p || key === this.shownKey) return;
    this.shownKey = key;
    const item = p.choice.item;
    this.sync.reportState(item?.id ?? null, item?.kind ?? null);
    if (p.revision === manifest.revision && this.lastConfirmed !== manifest.revision) {
      this.lastConfirmed = manifest.revision;
      this.sync.confirmRendered(manifest.revision);
    }
    this.prune();
  }

  private endPlay(at: number): void {
    this.playingKey = null;
    if (!this.play) return;
    this.sync.recordPlay(this.play.finish(at));
    this.play = null;
  }

  /** Closes the play on screen (page hidden or unloading) so its record is buffered. */
  flush(): void {
    this.endPlay(this.sync.clock.now());
  }

  private prune(): void {
    for (const [key, p] of this.prepared) {
      if (key === this.target || key === this.shownKey) continue;
      clearTimeout(p.watchdog);
      this.prepared.delete(key);
      // Its slot ended before it was ready (a slot shorter than the watchdog): skipped, say so.
      const item = p.choice.item;
      if (item && p.readyAt === null && !this.failed.has(key) && performance.now() - p.since > ABANDONED_MS) {
        this.sync.reportError(
          'item_timeout',
          `${item.kind} ${item.id} was not ready before its slot ended`,
          item.id,
        );
      }
    }
    const hour = this.sync.clock.now() - 3_600_000;
    for (const [key, at] of this.failed) if (at < hour) this.failed.delete(key);
  }
}

/** Keys whose item reported ready, in order, for the no-blank-frame test (read from the page). */
function traceReady(key: string): void {
  const w = window as Window & { __hallcastReady?: string[] };
  w.__hallcastReady ??= [];
  w.__hallcastReady.push(key);
  if (w.__hallcastReady.length > 500) w.__hallcastReady.splice(0, 250);
}
