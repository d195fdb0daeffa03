// The schedule engine: which item plays on a screen at an instant. Pure (no I/O, no host
// timezone), identical on the server, in the admin preview and in the player.
//
// Rules, in order of precedence:
// 1. An active emergency (startsAt <= t < expiresAt) wins; of several, the newest createdAt
//    (then the smaller id). Its slot lasts as long as it wins and has playlistId ''.
// 2. Time is cut into cycles of cycleMs aligned to the hour on the screen's wall clock (and cut
//    at DST transitions, which at whole hours cut nothing). Each cycle gives the lists playlist
//    ceil(listShare * cycle) ms: first, or alternating entry by entry with an 'interleave'
//    campaign (see pieces.ts for the layout and the proof of the guarantee).
// 3. The rest goes to the winning campaign: active by date, weekday, excluded dates and dayparts
//    (see campaigns.ts, wrap-around included), with something valid to play that day; high beats
//    normal, then the newest approvedAt, then the smaller id.
// 4. Otherwise the default playlist; if it has nothing to play, the lists fill the time; if they
//    have nothing either, resolve() is null and the player shows its built-in poster. Lists with
//    nothing to play give their share to the campaign or the default.
// 5. Within a stream the entry playing is a pure function of the instant: the stream's position
//    is its own airtime since its anchor (the local day start for the lists, the start of the run
//    for a campaign or the default, a run being a maximal stretch with one winner on one local
//    day), looping over its entries valid that day (validFrom..validUntil inclusive). An entry cut
//    by the lists' share resumes where it stopped at the stream's next airtime.
import { type CompiledSchedule, compile } from './compile.js';
import type { ResolvedSlot, Schedule, ScheduleScreen } from './types.js';
import { buildWeekView, type WeekView } from './weekView.js';

const cache = new WeakMap<Schedule, Map<string, CompiledSchedule>>();

/** The compiled form of (schedule, screen), reused while the same schedule object is passed in. */
function compiled(schedule: Schedule, screen: ScheduleScreen): CompiledSchedule {
  let byScreen = cache.get(schedule);
  if (!byScreen) {
    byScreen = new Map();
    cache.set(schedule, byScreen);
  }
  const key = `${screen.id}\u0000${screen.timezone}`;
  let c = byScreen.get(key);
  if (!c) {
    c = compile(schedule, screen);
    byScreen.set(key, c);
  }
  return c;
}

/**
 * What plays on `screen` at `instant` (UTC ms), with when that play started and ends; null when
 * nothing can play. The first call for a schedule object compiles it (O(campaigns + entries)),
 * the first call on a local day plans that day (O(campaigns·dayparts + entries), one sort);
 * later calls are O(log) in runs and entries.
 */
export function resolve(schedule: Schedule, screen: ScheduleScreen, instant: number): ResolvedSlot | null {
  return compiled(schedule, screen).resolve(instant);
}

/**
 * The plays covering [from, to), in order, jumping from one to the next. Each slot is one play
 * of one item, never several merged; the first may have started before `from` and the last may
 * end after `to`: their startsAt/endsAt are clipped to [from, to] (only those two). Slots are
 * contiguous except where nothing can play (resolve() is null): that time is left out.
 */
export function timeline(
  schedule: Schedule,
  screen: ScheduleScreen,
  from: number,
  to: number,
): ResolvedSlot[] {
  return compiled(schedule, screen).timeline(from, to);
}

/** Per local hour of the 7 days from weekStart ('YYYY-MM-DD', screen's zone): see WeekView. */
export function weekView(schedule: Schedule, screen: ScheduleScreen, weekStart: string): WeekView {
  return buildWeekView(compiled(schedule, screen), weekStart);
}
