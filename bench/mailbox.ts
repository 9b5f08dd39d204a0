// Reads what Mailpit caught over its HTTP API, the way a person finds an email and its link.
import { sleep } from './stats.js';

interface Summary {
  ID: string;
  MessageID: string;
  Subject: string;
  Created: string;
}

export interface Mailbox {
  /** Waits (bounded) for an unseen message to `address` whose subject starts with `subjectStart`; answers its action link. */
  waitForLink(address: string, subjectStart: string, timeoutMs: number): Promise<string>;
  /** Message-IDs of every message caught, with how often each was caught. */
  messageIdCounts(): Promise<Map<string, number>>;
  clear(): Promise<void>;
}

export function createMailbox(baseUrl: string, maxInFlight = 16): Mailbox {
  // Mailpit shares the two cores with everything else: polls queue here instead of piling up.
  let inFlight = 0;
  const queue: (() => void)[] = [];
  async function get<T>(path: string): Promise<T> {
    if (inFlight >= maxInFlight) await new Promise<void>((resolve) => queue.push(resolve));
    inFlight += 1;
    try {
      const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`Mailpit ${path}: ${response.status}`);
      return (await response.json()) as T;
    } finally {
      inFlight -= 1;
      queue.shift()?.();
    }
  }
  const seen = new Set<string>();

  return {
    async waitForLink(address, subjectStart, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let pause = 100;
      while (Date.now() < deadline) {
        const found = await get<{ messages: Summary[] }>(`/api/v1/search?limit=50&query=${encodeURIComponent(`to:"${address}"`)}`);
        const message = found.messages.find((m) => m.Subject.startsWith(subjectStart) && !seen.has(m.ID));
        if (message) {
          seen.add(message.ID);
          const { Text } = await get<{ Text: string }>(`/api/v1/message/${message.ID}`);
          const link = /https?:\/\/\S+?\/actions\/[A-Za-z0-9_-]+/.exec(Text)?.[0];
          if (!link) throw new Error(`no action link in "${message.Subject}"`);
          return link;
        }
        await sleep(pause);
        pause = Math.min(1_000, pause * 1.5);
      }
      throw new Error(`no "${subjectStart}…" email to ${address} within ${Math.round(timeoutMs / 1000)} s`);
    },

    async messageIdCounts() {
      const counts = new Map<string, number>();
      for (let start = 0; start < 1_000_000; start += 1000) {
        const page = await get<{ messages: Summary[]; total: number }>(`/api/v1/messages?start=${start}&limit=1000`);
        for (const m of page.messages) counts.set(`<${m.MessageID}>`, (counts.get(`<${m.MessageID}>`) ?? 0) + 1);
        if (page.messages.length < 1000) break;
      }
      return counts;
    },

    async clear() {
      const response = await fetch(`${baseUrl}/api/v1/messages`, { method: 'DELETE' });
      if (!response.ok) throw new Error(`Mailpit DELETE messages: ${response.status}`);
    },
  };
}
