import { useEffect, useId } from 'react';
import type { Canvas, Layout } from '../../core/manifest/types.js';
import { useLatest } from './hooks.js';
import { isStrip, stripFontPx, unitStyle } from './units.js';
import './render.css';

interface PosterProps {
  canvas: Canvas;
  layout?: Layout;
  /** Shown at the foot of the poster when given. */
  hallName?: string;
  /** Called once mounted: the poster is pure CSS and SVG and has nothing to load. */
  onReady?: () => void;
}

const RAYS = Array.from({ length: 36 }, (_, i) => i * 10);

/**
 * HallCast's built-in poster (诚信黑河), filling any gap: before the first manifest, when a
 * credit list must be hidden and no campaign content is at hand. No network, no media.
 */
export function Poster({ canvas, layout, hallName, onReady }: PosterProps) {
  const id = useId().replace(/:/g, '');
  const ready = useLatest(onReady);
  useEffect(() => ready.current?.(), [ready]);
  if (isStrip(canvas, layout)) {
    return (
      <div
        className="hc-poster hc-poster--strip"
        data-kind="poster"
        style={{ fontSize: stripFontPx(canvas) }}
      >
        诚信黑河 · 守信光荣 失信可耻
      </div>
    );
  }
  return (
    <div className="hc-poster" data-kind="poster" style={unitStyle(canvas)}>
      <svg
        className="hc-poster-art"
        viewBox="0 0 1920 1080"
        preserveAspectRatio="xMidYMid slice"
        aria-hidden="true"
      >
        <defs>
          <radialGradient id={`${id}bg`} cx="50%" cy="36%" r="80%">
            <stop offset="0" stopColor="#b8231f" />
            <stop offset="0.55" stopColor="#8d1116" />
            <stop offset="1" stopColor="#4f060a" />
          </radialGradient>
          <linearGradient id={`${id}gold`} x1="0" x2="1">
            <stop offset="0" stopColor="#f3d27a" stopOpacity="0" />
            <stop offset="0.5" stopColor="#f3d27a" />
            <stop offset="1" stopColor="#f3d27a" stopOpacity="0" />
          </linearGradient>
        </defs>
        <rect width="1920" height="1080" fill={`url(#${id}bg)`} />
        <g transform="translate(960 400)" fill="#ffd98a" opacity="0.05">
          {RAYS.map((deg) => (
            <polygon key={deg} points="0,0 -38,-1400 38,-1400" transform={`rotate(${deg})`} />
          ))}
        </g>
        <path
          d="M0 860 L210 760 L360 815 L560 690 L760 800 L980 680 L1180 790 L1400 705 L1620 810 L1920 730 V1080 H0 Z"
          fill="#5e070c"
          opacity="0.75"
        />
        <path
          d="M0 930 L260 860 L520 905 L820 840 L1120 900 L1420 850 L1700 905 L1920 870 V1080 H0 Z"
          fill="#44040a"
        />
        <path
          d="M0 985 C 380 930 700 1030 1000 975 S 1600 930 1920 985"
          fill="none"
          stroke={`url(#${id}gold)`}
          strokeWidth="5"
        />
      </svg>
      <div className="hc-poster-text">
        <div className="hc-poster-kicker">社会信用体系建设</div>
        <div className="hc-poster-title">诚信黑河</div>
        <div className="hc-poster-rule" />
        <div className="hc-poster-motto">守信光荣　失信可耻</div>
        <div className="hc-poster-line">进大厅 · 进校园 · 进企业 · 进市场 · 进社区</div>
        {hallName ? <div className="hc-poster-hall">{hallName}</div> : null}
      </div>
      <div className="hc-poster-brand">HallCast</div>
    </div>
  );
}
