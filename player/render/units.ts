import type { CSSProperties } from 'react';
import type { Canvas, Layout } from '../../core/manifest/types.js';

/** One design pixel of a 1080-line screen, scaled to the canvas' short side (no 16:9 assumed). */
export function unitOf(canvas: Canvas): number {
  return Math.min(canvas.width, canvas.height) / 1080;
}

/** LED strips can only show one line; a layout says so, else a very flat or tiny canvas does. */
export function isStrip(canvas: Canvas, layout?: Layout): boolean {
  if (layout) return layout === 'led-strip';
  return canvas.height <= 96 || canvas.width / canvas.height >= 6;
}

/** Font size for a one-line strip: as tall as the strip allows, never under 16 px for CJK. */
export function stripFontPx(canvas: Canvas): number {
  return Math.max(16, Math.floor(canvas.height * 0.78));
}

/** The `--u` custom property every renderer root carries; CSS sizes are `calc(var(--u) * n)`. */
export function unitStyle(canvas: Canvas, extra?: Record<string, string | number>): CSSProperties {
  return { '--u': `${unitOf(canvas)}px`, ...extra } as CSSProperties;
}

/**
 * A list row's type size: 38% of the row's height, at most 40 design pixels. Measured in JS from
 * the body's height: container query units (Chromium 105) and CSS min() (79) are past the
 * player's Chromium 69 floor.
 */
export function rowFontPx(canvas: Canvas, bodyHeight: number, rows: number): number {
  return Math.max(8, Math.min(unitOf(canvas) * 40, (bodyHeight / rows) * 0.38));
}
