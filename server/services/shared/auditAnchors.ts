import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnchorPlace, AuditService } from './auditService.js';

export interface Anchor {
  at: number;
  head: string;
}

/**
 * The audit heads the server logged (the periodic anchor and the start line), oldest first, from
 * the log files given in order (the rotated days, then the current one).
 */
/**
 * The audit chain's anchors get a file of their own in the data dir, beside the database: log
 * rotation never deletes it and backups include it. Older anchors may also stand in the logs.
 */
export const ANCHOR_FILE = 'audit-anchors.log';

/** Appends one anchor as a JSON line (the same fields as the log's `audit head` line). */
export function appendAnchor(dataDir: string, head: string, at: number): void {
  appendFileSync(join(dataDir, ANCHOR_FILE), `${JSON.stringify({ time: at, auditHead: head })}\n`, {
    mode: 0o600,
  });
}

export function readAnchors(logFiles: string | string[]): Anchor[] {
  const out: Anchor[] = [];
  for (const file of typeof logFiles === 'string' ? [logFiles] : logFiles) {
    if (existsSync(file)) readAnchorsOf(readFileSync(file, 'utf8'), out);
  }
  return out;
}

function readAnchorsOf(text: string, out: Anchor[]): void {
  for (const line of text.split('\n')) {
    if (!line.includes('"auditHead"')) continue;
    try {
      const j = JSON.parse(line) as { time?: number; auditHead?: unknown };
      if (typeof j.auditHead === 'string') out.push({ at: j.time ?? 0, head: j.auditHead });
    } catch {
      // A torn last line (power cut while writing) is not an anchor.
    }
  }
}

export interface VerifyReport {
  ok: boolean;
  lines: string[];
}

const short = (mac: string) => mac.slice(0, 16);
const when = (at: number) => new Date(at).toISOString();

function describeAnchor(a: Anchor, place: AnchorPlace): string {
  const base = `日志锚点（${when(a.at)}，链头 ${short(a.head)}…）`;
  if (place.kind === 'genesis') return `${base}：审计日志当时为空`;
  if (place.kind === 'current') return `${base}：与第 ${place.seq} 条记录一致`;
  if (place.kind === 'rechained') {
    const r = place.rechain;
    return `${base}：是重新链接前的第 ${place.seq} 条记录；第 ${r.from}–${r.to} 条已于第 ${place.rechainSeq} 条记录重新链接（${r.reason}），旧链头 ${short(r.oldHead)}… → 新链头 ${short(r.newHead)}…，不是篡改`;
  }
  return `${base}：在审计日志中找不到，记录可能被改写或删除，请保全数据目录并联系管理员`;
}

/**
 * `hallcast audit verify`: the chain walks intact, and the last head logged outside the database
 * is placed in it (a re-chaining, recorded in the chain, explains an anchor of the old chain).
 */
export function verifyWithAnchors(audit: AuditService, anchors: Anchor[]): VerifyReport {
  const r = audit.verify();
  if (!r.ok) {
    return {
      ok: false,
      lines: [
        `审计日志在第 ${r.brokenAt} 条记录处断裂（之前 ${r.records} 条完好）：记录可能被篡改，请保全数据目录并联系管理员`,
      ],
    };
  }
  const SUITE_TEXT = { standard: 'HMAC-SHA256', gm: 'HMAC-SM3' } as const;
  const lines = [
    `审计日志完整：${r.records} 条记录，最新链接 ${r.head}`,
    `校验算法：${r.suites.map((s) => SUITE_TEXT[s]).join(' → ') || '（空日志）'}`,
  ];
  for (const x of audit.rechains()) {
    lines.push(
      `第 ${x.seq} 条记录：第 ${x.from}–${x.to} 条已重新链接（${x.reason}），旧链头 ${x.oldHead} → 新链头 ${x.newHead}`,
    );
  }
  // The last anchor, and the last one before each re-chaining: what an auditor compares.
  const checked = new Map<string, Anchor>();
  const last = anchors.at(-1);
  for (const a of anchors) {
    const place = audit.place(a.head);
    if (place.kind === 'rechained' || place.kind === 'unknown') checked.set(a.head, a);
  }
  if (last) checked.set(last.head, last);
  let ok = true;
  for (const a of checked.values()) {
    const place = audit.place(a.head);
    if (place.kind === 'unknown') ok = false;
    lines.push(describeAnchor(a, place));
  }
  if (anchors.length === 0) lines.push('日志中没有审计链头锚点，无法与数据库外的记录比对');
  return { ok, lines };
}
