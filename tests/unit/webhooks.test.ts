// Webhook rules and payloads: pure, from domain/.
import { describe, expect, it } from 'vitest';
import { isLinkLocalHost, isPermanentRefusal, webhookUrlProblem, type EventRecord } from '../../domain/events.js';
import { webhookPayload } from '../../domain/webhook-payloads.js';

const event: EventRecord = {
  id: 'e-1',
  type: 'benefit.off-track',
  time: '2026-03-02T10:00:00.000Z',
  data: { initiativeId: 'i-1', initiativeTitle: 'Digital [søknad](http://evil)', benefitId: 'b-1', benefitTitle: 'Færre telefoner', band: 'off-track', latestValue: 12, target: 40, unit: '%', url: 'https://ep.kommune.no/#/benefits/b-1/show' },
};

describe('webhook addresses', () => {
  it.each([
    ['https://hooks.kommune.no/ep', null],
    ['http://saksbehandling.intern:8080/hook', null],
    ['http://127.0.0.1:9000/hook', null],
    ['ftp://example.org/', 'must be an http:// or https:// address'],
    ['https://user:pw@example.org/', 'must not carry a user name or password; use the secret to authenticate'],
    ['http://169.254.169.254/latest/meta-data/', 'must not point at a link-local or cloud metadata address'],
    ['http://[fe80::1]/', 'must not point at a link-local or cloud metadata address'],
    ['http://[fe80::1%25eth0]/', 'must be an absolute http:// or https:// address'],
    ['https://example.org/#x', 'must not have a #fragment'],
    ['example.org/hook', 'must be an absolute http:// or https:// address'],
  ])('%s → %s', (url, problem) => {
    expect(webhookUrlProblem(url)).toBe(problem);
  });

  it('counts IPv4-mapped IPv6 metadata addresses as link-local', () => {
    expect(isLinkLocalHost('::ffff:169.254.169.254')).toBe(true);
    expect(isLinkLocalHost('10.0.0.5')).toBe(false);
  });

  it('retries timeouts and rate limits but not other refusals', () => {
    expect([400, 404, 410, 408, 429, 500, 503].map(isPermanentRefusal)).toEqual([true, true, true, false, false, false, false]);
  });
});

describe('webhook payloads', () => {
  it('wraps the event as a CloudEvent 1.0 with a reverse-DNS type', () => {
    const { contentType, body } = webhookPayload('cloudevents', event, 'https://ep.kommune.no');
    expect(contentType).toBe('application/cloudevents+json; charset=utf-8');
    expect(body).toEqual({ specversion: '1.0', id: 'e-1', source: 'https://ep.kommune.no', type: 'no.endringsporten.benefit.off-track', time: event.time, subject: 'i-1', datacontenttype: 'application/json', data: event.data });
  });

  it('writes a Teams message card in bokmål whose text cannot turn into a link', () => {
    const { body } = webhookPayload('teams', event, 'https://ep.kommune.no') as { body: any };
    expect(body.title).toBe('Gevinst i avvik: Færre telefoner (Digital \\[søknad\\]\\(http://evil\\))');
    expect(body.sections[0].facts).toEqual(expect.arrayContaining([{ name: 'Status', value: 'Avvik' }, { name: 'Siste måling', value: '12 % (mål 40)' }]));
    expect(body.potentialAction[0].targets[0].uri).toBe(event.data.url);
  });

  it('writes an Adaptive Card in the envelope the Teams Workflows webhook takes', () => {
    const { body } = webhookPayload('teams-workflows', event, 'https://ep.kommune.no') as { body: any };
    expect(body.type).toBe('message');
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].content.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Åpne i Endringsporten', url: event.data.url });
  });
});
