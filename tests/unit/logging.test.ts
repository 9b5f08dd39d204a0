// The logger's formats, levels and redaction, on the real pino.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { redactText, withLogContext } from '../../logging/logger.js';
import { temporalLogger } from '../../worker/logging.js';
import { captureLogs } from '../helpers/logs.js';

describe('the logger', () => {
  it('writes one JSON object per line in production, with the level by name and an ISO time', () => {
    const logs = captureLogs({ level: 'info', install: false });

    logs.logger.info({ initiativeId: 'i-1' }, 'gate entered');

    expect(logs.records()).toEqual([expect.objectContaining({ level: 'info', msg: 'gate entered', initiativeId: 'i-1', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
  });

  it('writes readable lines when NODE_ENV is not production', () => {
    const logs = captureLogs({ level: 'info', production: false, install: false });

    logs.logger.info({ initiativeId: 'i-1' }, 'gate entered');

    expect(logs.lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: gate entered$/);
    expect(logs.lines.join('\n')).toContain('initiativeId: "i-1"');
  });

  it('honours the level: below it nothing is written', () => {
    const logs = captureLogs({ level: 'warn', install: false });

    logs.logger.info('not shown');
    logs.logger.debug('not shown either');
    logs.logger.warn('shown');

    expect(logs.records().map((r) => r.msg)).toEqual(['shown']);
  });

  it('takes LOG_LEVEL from the configuration and refuses an unknown level by name', () => {
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('adds the context it was written in to every line', () => {
    const logs = captureLogs({ install: false });

    withLogContext({ reqId: 'r-1' }, () => withLogContext({ initiativeId: 'i-1', gate: 'owner-signoff' }, () => logs.logger.info('inside')));
    logs.logger.info('outside');

    expect(logs.records()).toEqual([
      expect.objectContaining({ msg: 'inside', reqId: 'r-1', initiativeId: 'i-1', gate: 'owner-signoff' }),
      expect.not.objectContaining({ reqId: expect.anything() }),
    ]);
  });

  it('redacts secrets by field name, action-link tokens and one-time codes in any string, and in errors', () => {
    const logs = captureLogs({ install: false });
    const token = 'Zm9vYmFyYmF6cXV4cXV1eHF1dXhmb29iYXJiYXo';

    logs.logger.info(
      { password: 'hunter2-hunter2', secret: 'whsec-1', body: { password: 'p2', clientSecret: 'cs', token: 't' }, headers: { cookie: 'ep_session=abc', authorization: 'Bearer x' }, url: `/actions/${token}` },
      `link /actions/${token} and /api/auth/oidc/callback?code=onetime123&state=st456`,
    );
    logs.logger.error({ err: new Error(`failed at /actions/${token}`) }, 'failed');

    const all = logs.lines.join('\n');
    for (const secret of ['hunter2-hunter2', 'whsec-1', 'p2', '"cs"', 'ep_session=abc', 'Bearer x', token, 'onetime123', 'st456']) expect(all).not.toContain(secret);
    expect(logs.records()[0]).toMatchObject({ password: '[redacted]', body: { password: '[redacted]', clientSecret: '[redacted]' }, url: '/actions/[redacted]' });
  });

  it('redacts a URL the way request lines are written', () => {
    expect(redactText('/actions/abcdefghijklmnopqrstuvwxyz?x=1')).toBe('/actions/[redacted]?x=1');
    expect(redactText('/api/auth/oidc/callback?code=abc&state=def&iss=x')).toBe('/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=x');
  });

  it("writes Temporal's own log calls through pino, with the SDK component and the error", () => {
    const logs = captureLogs({ install: false });

    temporalLogger(logs.logger).warn('Activity failed', { sdkComponent: 'worker', workflowId: 'w-1', error: new Error('boom') } as never);

    expect(logs.records()[0]).toMatchObject({ level: 'warn', msg: 'Activity failed', temporal: 'worker', workflowId: 'w-1', err: { message: 'boom' } });
  });
});
