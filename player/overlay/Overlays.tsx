import { useEffect, useState } from 'react';
import type { SyncSnapshot } from '../sync/playerSync.js';
import { PLAYER_VERSION } from '../sync/version.js';
import './overlay.css';

/** `identify`: the screen's name, large, over everything (until `identifyUntil`). */
export function IdentifyOverlay({ name }: { name: string }) {
  return (
    <div className="hc-identify" data-testid="identify">
      <div className="hc-identify-name">{name}</div>
    </div>
  );
}

interface InfoProps {
  snap: SyncSnapshot;
  now: number;
  trusted: boolean;
  listsAllowed: boolean;
}

function connectionText(snap: SyncSnapshot): string {
  if (snap.connected) return '已连接';
  return snap.source === 'cache' ? '离线（播放本地缓存）' : '离线，正在重连';
}

/** `info` (or the key "i"): a corner panel with name, revision, server and connection. */
export function InfoPanel({ snap, now, trusted, listsAllowed }: InfoProps) {
  const m = snap.manifest;
  const rows: Array<[string, string]> = [
    ['屏幕', m?.screenName ?? '—'],
    ['版本', m ? `第 ${m.revision} 版` : '—'],
    ['服务器', location.origin],
    ['连接', connectionText(snap)],
    ['离线缓存', snap.sw === 'active' ? 'Service Worker + IndexedDB' : 'IndexedDB'],
    ['名单', listsAllowed ? '显示中' : trusted ? '已超过离线有效期，暂停显示' : '时钟未校准，暂停显示'],
    ['时间', new Date(now).toLocaleString('zh-CN', { timeZone: m?.timezone ?? 'Asia/Shanghai' })],
    ['播放端', PLAYER_VERSION],
  ];
  return (
    <aside className="hc-info" data-testid="info-panel">
      {rows.map(([k, v]) => (
        <div key={k} className="hc-info-row" data-field={k}>
          <span className="hc-info-key">{k}</span>
          <span className="hc-info-value">{v}</span>
        </div>
      ))}
    </aside>
  );
}

/** The key "i" toggles the info panel (a technician with a keyboard at the screen). */
export function useInfoKey(toggle: () => void): void {
  const [fn] = useState(() => ({ current: toggle }));
  fn.current = toggle;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'i' || e.key === 'I') fn.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fn]);
}
