// Reads what the real Mailpit caught, over its HTTP API.
export interface CaughtEmail {
  id: string;
  to: string[];
  subject: string;
  kind: string;
  initiativeId: string;
  text: string;
  html: string;
  headers: Record<string, string[]>;
}

interface MailpitSummary {
  ID: string;
  To: { Address: string }[];
  Subject: string;
}

export function createMailbox(baseUrl: string) {
  async function details(summary: MailpitSummary): Promise<CaughtEmail> {
    const [message, headers] = await Promise.all([
      fetch(`${baseUrl}/api/v1/message/${summary.ID}`).then((r) => r.json()),
      fetch(`${baseUrl}/api/v1/message/${summary.ID}/headers`).then((r) => r.json()),
    ]);
    return {
      id: summary.ID,
      to: summary.To.map((t) => t.Address.toLowerCase()),
      subject: summary.Subject,
      kind: headers['X-Endringsporten-Kind']?.[0] ?? '',
      initiativeId: headers['X-Endringsporten-Initiative']?.[0] ?? '',
      text: message.Text,
      html: message.HTML,
      headers,
    };
  }

  /** Every message to `address`, oldest first. */
  async function messagesTo(address: string): Promise<CaughtEmail[]> {
    const response = await fetch(`${baseUrl}/api/v1/search?limit=500&query=${encodeURIComponent(`to:"${address}"`)}`);
    const body = (await response.json()) as { messages: MailpitSummary[] };
    const found = await Promise.all(body.messages.map(details));
    return found.reverse();
  }

  /** Waits (bounded) until `address` has at least `count` messages matching `predicate`. */
  async function waitFor(
    address: string,
    predicate: (email: CaughtEmail) => boolean = () => true,
    { count = 1, timeoutMs = 20_000 } = {},
  ): Promise<CaughtEmail[]> {
    const deadline = Date.now() + timeoutMs;
    let matching: CaughtEmail[] = [];
    while (Date.now() < deadline) {
      matching = (await messagesTo(address)).filter(predicate);
      if (matching.length >= count) return matching;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`expected ${count} email(s) to ${address}, found ${matching.length} within ${timeoutMs} ms`);
  }

  return { messagesTo, waitFor };
}

/** The action link in an email's text body. */
export function actionLinkIn(email: CaughtEmail): string {
  const match = email.text.match(/https?:\/\/\S+\/actions\/[A-Za-z0-9_-]+/);
  if (!match) throw new Error(`no action link in "${email.subject}"`);
  return match[0];
}
