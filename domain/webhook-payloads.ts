// The body each webhook format gets for an event: CloudEvents 1.0 JSON for systems, and a card a
// Microsoft Teams channel shows, in Norwegian bokmål, with a button into the console.
import { cloudEventType, type EventRecord, type EventType, type WebhookFormat } from './events.js';
import { GATE_NAMES, formatDateTime } from './gate-names.js';
import type { Gate } from './types.js';

export interface WebhookPayload {
  contentType: string;
  body: unknown;
}

const DECISION_NAMES: Record<string, string> = { approve: 'Godkjent', reject: 'Avvist', revise: 'Sendt tilbake for revisjon', hold: 'Satt på vent' };
const BAND_NAMES: Record<string, string> = { 'on-track': 'I rute', watch: 'Følg med', 'off-track': 'Avvik' };
const OUTCOME_NAMES: Record<string, string> = { realised: 'Realisert', partly: 'Delvis realisert', 'not-realised': 'Ikke realisert' };
const THEME: Record<EventType, string> = {
  'initiative.submitted': '0B5394',
  'gate.decided': '0B5394',
  'gate.stalled': 'A50E0E',
  'benefit.off-track': 'A50E0E',
  'benefit.realised': '2E7D32',
  'initiative.completed': '2E7D32',
};

/** Teams renders markdown in card text: what people typed is shown as typed, never as a link. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
const gateName = (gate: string | null | undefined) => (gate ? (GATE_NAMES.nb[gate as Gate] ?? gate) : '');

function headline(event: EventRecord): string {
  const d = event.data;
  const title = plain(d.initiativeTitle);
  switch (event.type) {
    case 'initiative.submitted':
      return `Nytt tiltak meldt inn: ${title}`;
    case 'gate.decided':
      return `${gateName(d.gate)}: ${DECISION_NAMES[d.decision ?? ''] ?? d.decision} – ${title}`;
    case 'gate.stalled':
      return `Stoppet opp i ${gateName(d.gate).toLowerCase()}: ${title}`;
    case 'benefit.off-track':
      return `Gevinst i avvik: ${plain(d.benefitTitle)} (${title})`;
    case 'benefit.realised':
      return `Gevinst realisert: ${plain(d.benefitTitle)} (${title})`;
    case 'initiative.completed':
      return `Tiltak fullført: ${title}`;
  }
}

function facts(event: EventRecord): { name: string; value: string }[] {
  const d = event.data;
  const rows: [string, string | null | undefined][] = [
    ['Tiltak', plain(d.initiativeTitle)],
    ['Port', d.gate ? gateName(d.gate) : null],
    ['Beslutning', d.decision ? (DECISION_NAMES[d.decision] ?? d.decision) : null],
    ['Av', d.actorName ? plain(d.actorName) : null],
    ['Kommentar', d.comment ? plain(d.comment) : null],
    ['Vilkår', d.conditions?.length ? d.conditions.map(plain).join('; ') : null],
    ['Gevinst', d.benefitTitle ? plain(d.benefitTitle) : null],
    ['Status', d.band ? (BAND_NAMES[d.band] ?? d.band) : null],
    ['Siste måling', d.latestValue !== undefined && d.latestValue !== null ? `${d.latestValue} ${plain(d.unit)} (mål ${d.target ?? '–'})` : null],
    ['Gevinstutfall', d.benefitOutcome ? (OUTCOME_NAMES[d.benefitOutcome] ?? d.benefitOutcome) : null],
    ['Tidspunkt', formatDateTime(new Date(event.time), 'nb')],
  ];
  return rows.filter((row): row is [string, string] => Boolean(row[1])).map(([name, value]) => ({ name, value }));
}

function cloudEvent(event: EventRecord, source: string) {
  return {
    specversion: '1.0',
    id: event.id,
    source,
    type: cloudEventType(event.type),
    time: event.time,
    ...(event.data.initiativeId ? { subject: event.data.initiativeId } : {}),
    datacontenttype: 'application/json',
    data: event.data,
  };
}

function messageCard(event: EventRecord) {
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: headline(event),
    themeColor: THEME[event.type],
    title: headline(event),
    sections: [{ facts: facts(event) }],
    potentialAction: [{ '@type': 'OpenUri', name: 'Åpne i Endringsporten', targets: [{ os: 'default', uri: event.data.url }] }],
  };
}

function adaptiveCard(event: EventRecord) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: headline(event), weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'FactSet', facts: facts(event).map(({ name, value }) => ({ title: name, value })) },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Åpne i Endringsporten', url: event.data.url }],
        },
      },
    ],
  };
}

/** `source` is the service's PUBLIC_URL (CloudEvents' source). */
export function webhookPayload(format: WebhookFormat, event: EventRecord, source: string): WebhookPayload {
  switch (format) {
    case 'cloudevents':
      return { contentType: 'application/cloudevents+json; charset=utf-8', body: cloudEvent(event, source) };
    case 'teams':
      return { contentType: 'application/json; charset=utf-8', body: messageCard(event) };
    case 'teams-workflows':
      return { contentType: 'application/json; charset=utf-8', body: adaptiveCard(event) };
  }
}

/** A made-up event for "send a test": lets an administrator see the receiver answer. */
export function testEvent(id: string, time: Date, url: string): EventRecord {
  return {
    id,
    type: 'gate.decided',
    time: time.toISOString(),
    data: { initiativeId: null, initiativeTitle: 'Test fra Endringsporten', gate: 'goal-alignment', decision: 'approve', comment: 'Dette er en testmelding; ingen port er avgjort.', url },
  };
}
