// Events the service tells other systems about, and the webhooks that receive them. Pure: the
// names, the shapes and the rules a webhook address must follow; delivery is in activities/.

export const EVENT_TYPES = [
  'initiative.submitted',
  'gate.decided',
  'gate.stalled',
  'benefit.off-track',
  'benefit.realised',
  'initiative.completed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** `cloudevents`: CloudEvents 1.0 JSON; `teams`: an Office 365 connector message card; `teams-workflows`: an Adaptive Card as the Teams Workflows app's webhook takes it. */
export const WEBHOOK_FORMATS = ['cloudevents', 'teams', 'teams-workflows'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The header that carries `sha256=<hex HMAC-SHA256 of the raw body, keyed with the webhook's secret>`. */
export const SIGNATURE_HEADER = 'X-Endringsporten-Signature';

/** CloudEvents `type` of an event: reverse-DNS prefixed, as the specification recommends. */
export const cloudEventType = (type: EventType) => `no.endringsporten.${type}`;

/** The delivery workflow, started once per event (a second start with the same id is refused by Temporal). */
export const DELIVERY_WORKFLOW = 'webhookDeliveryWorkflow';
export const deliveryWorkflowIdFor = (eventId: string) => `event-${eventId}`;
export const deliveryIdFor = (eventId: string, webhookId: string) => `${eventId}:${webhookId}`;

/** What an event says; ids and names, never email addresses. */
export interface EventData {
  initiativeId: string | null;
  initiativeTitle: string | null;
  gate?: string | null;
  decision?: string | null;
  comment?: string | null;
  conditions?: string[];
  channel?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  level?: number | null;
  status?: string | null;
  benefitOutcome?: string | null;
  benefitId?: string | null;
  benefitTitle?: string | null;
  band?: string | null;
  achievement?: number | null;
  latestValue?: number | null;
  target?: number | null;
  unit?: string | null;
  /** The initiative (or benefit) in the console. */
  url: string;
}

export interface EventRecord {
  id: string;
  type: EventType;
  time: string;
  data: EventData;
}

/** What is refused as a webhook address, with the reason; null when it may be used. */
export function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http:// or https:// address';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// address';
  if (url.username || url.password) return 'must not carry a user name or password; use the secret to authenticate';
  if (url.hash) return 'must not have a #fragment';
  if (isLinkLocalHost(url.hostname)) return 'must not point at a link-local or cloud metadata address';
  return null;
}

/**
 * Link-local addresses (169.254.0.0/16, fe80::/10) hold cloud metadata services, the classic
 * target of a forged request; no receiver of ours lives there. Checked on the address typed and
 * again on every address a name resolves to when delivering.
 */
export function isLinkLocalHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (/^169\.254\.\d{1,3}\.\d{1,3}$/.test(bare)) return true;
  if (/^fe[89ab][0-9a-f]?:/.test(bare)) return true;
  if (bare === 'fd00:ec2::254' || bare === 'metadata.google.internal') return true;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  return mapped ? isLinkLocalHost(mapped[1]) : false;
}

/** A status answered by a receiver that will not change on a retry (a wrong address, a refused payload). */
export const isPermanentRefusal = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/**
 * How the delivery workflow of an event is started, by the API and by activities alike. A second
 * start with the same id is refused even after the first run closed, so an event is delivered
 * by one run only.
 */
export const deliveryStartOptions = (eventId: string, taskQueue: string) => ({
  taskQueue,
  workflowId: deliveryWorkflowIdFor(eventId),
  args: [{ eventId }] as [DeliveryWorkflowInput],
  workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
});

export interface DeliveryWorkflowInput {
  eventId: string;
}
