// The schedule engine (rules: see resolve.ts). Pure: runs identically on the server, in the admin
// preview and in the player.
export type { CompiledSchedule } from './compile.js';
export { compile } from './compile.js';
export { effectiveCycleMs } from './cycle.js';
export type { NaiveMinute, NaiveOptions } from './naive.js';
export { naiveMinutes } from './naive.js';
export { resolve, timeline, weekView } from './resolve.js';
export * from './types.js';
export type { Collision, WeekHour, WeekView, WinnerSpan } from './weekView.js';
