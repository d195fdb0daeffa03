/**
 * The kiosk agent (`hallcast kiosk`) drives this browser over the DevTools protocol on
 * 127.0.0.1. It adds a binding, `window.hallcastAgent(json)`, whose calls reach it as CDP
 * `Runtime.bindingCalled` events, and answers by evaluating `window.__hallcastAgentReply(id, reply)`.
 * No port is opened to the page and the device token never leaves it: the page uploads the
 * screenshot itself. Without the agent the binding is absent.
 */
export interface AgentReply {
  ok: boolean;
  mime?: string;
  /** base64 of the image. */
  data?: string;
  error?: string;
}

type AgentWindow = Window & {
  hallcastAgent?: (payload: string) => void;
  __hallcastAgentReply?: (id: string, reply: AgentReply) => void;
};

const pending = new Map<string, (r: AgentReply) => void>();

function win(): AgentWindow | null {
  return typeof window === 'undefined' ? null : (window as AgentWindow);
}

export function agentPresent(): boolean {
  return typeof win()?.hallcastAgent === 'function';
}

/** Asks the agent for a screenshot of the screen as it is (Page.captureScreenshot). */
export function captureViaAgent(id: string, timeoutMs = 15_000): Promise<AgentReply> {
  const w = win();
  if (!w?.hallcastAgent) return Promise.resolve({ ok: false, error: 'no agent' });
  w.__hallcastAgentReply ??= (replyId, reply) => {
    pending.get(replyId)?.(reply);
    pending.delete(replyId);
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({ ok: false, error: 'agent did not answer' });
    }, timeoutMs);
    pending.set(id, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
    w.hallcastAgent?.(JSON.stringify({ type: 'snapshot', id }));
  });
}

export function base64ToBlob(data: string, mime: string): Blob {
  const bin = atob(data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}
