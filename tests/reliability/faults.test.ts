// Fault injection on a private stack per scenario: the worker, Temporal, the database and SMTP
// are each killed mid-flight and brought back; every workflow must resume, no decision may be
// lost and every owed email must go out exactly once. Figures go to tests/artifacts.
import { afterAll, describe, expect, it } from 'vitest';
import { setPolicy } from '../helpers/fixtures.js';
import { startDelayProxy } from '../helpers/faults.js';
import { accountDecisions, accountEmails, cleanAccount, eventually, recordFigures, retriedActivities, within, writeSummary } from './ledger.js';
import { alive, openScene, release, releaseAll, sleep, track } from './scene.js';

afterAll(async () => {
  writeSummary();
  await releaseAll();
});

describe.sequential('reliability under injected faults', () => {
  it('when the worker is SIGKILLed mid-ladder and mid-email, a new worker process resumes every workflow with no decision lost and no email duplicated', async () => {
    const scene = await openScene();
    const { models, town, stack } = scene;
    // A slow SMTP server keeps each email on the wire long enough to kill the worker mid-send.
    const slowSmtp = track(await startDelayProxy(stack.smtpPort, 2_000));
    await setPolicy(models, 'goal-alignment', { remindAfter: 'PT3S', escalateAfter: 'PT5S', stalledAfter: 'PT7S' });
    const first = await stack.startWorker({ smtpUrl: slowSmtp.url });
    const [early, decidedInOutage, ...waiting] = await scene.startInitiatives(4);
    const ids = [early, decidedInOutage, ...waiting];
    await scene.decide(early, 'goal-alignment', 'approve', town.governance);

    const inFlight = await eventually('a reminder due and an email on the wire', async () => {
      const reminded = await models.Initiative.countDocuments({ _id: { $in: waiting }, escalationLevel: 1 });
      // Only a send that began moments ago is surely still held by the proxy when the kill lands.
      const sending = await models.Email.find({ status: 'sending', updatedAt: { $gt: new Date(Date.now() - 800) } }).lean();
      return reminded > 0 && sending.length > 0 && sending;
    }, 15_000, 50);
    const levelsAtKill = await Promise.all(ids.map(async (id) => (await scene.readModel(id)).escalationLevel));
    const killedAt = Date.now();
    await first.kill();

    // The API may answer 503 when no worker takes the decision within its deadline; it must still be taken.
    const outageDecision = scene.decide(decidedInOutage, 'goal-alignment', 'approve', town.governance).then(() => 'taken', (error) => String(error));
    await sleep(2_000);
    const second = await stack.startWorker({ smtpUrl: slowSmtp.url });
    const workerBackAfterMs = Date.now() - killedAt;
    const outageAnswer = await within('the decision sent while no worker ran', outageDecision, 45_000);
    expect(outageAnswer).toMatch(/^taken$|workflow service/);
    await eventually('the decision sent while no worker ran taken', async () => (await scene.readModel(decidedInOutage)).gate === 'owner-signoff', 30_000);
    for (const id of waiting) await eventually(`${id} stalled after the restart`, async () => (await scene.readModel(id)).stalled, 30_000);

    await scene.decide(early, 'owner-signoff', 'reject', town.owner);
    await scene.decide(decidedInOutage, 'owner-signoff', 'reject', town.owner);
    for (const id of waiting) await scene.decide(id, 'goal-alignment', 'reject', town.governance);
    // An email that was mid-send on the killed worker is retried only after its start-to-close timeout.
    const results = await within('every workflow finishing', Promise.all(ids.map(scene.result)), 100_000);
    const resumedAfterMs = Date.now() - killedAt;

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(results.map((r) => r.decisions.length)).toEqual([2, 2, 1, 1]);
    const decisions = await accountDecisions(models, ids);
    expect(decisions).toEqual({ decisions: 6, audited: 6, unaudited: [] });
    const emails = await accountEmails(models, stack.mailboxUrl, ids);
    expect(cleanAccount(emails)).toEqual({ unsent: [], duplicated: [], missing: [], unknown: [], unowed: [], notRecorded: [] });
    expect(emails.caught).toBe(emails.sent);
    for (const counts of Object.values(emails.perRecipientAndKind)) expect(counts.caught).toBe(counts.sent);
    // invite, request, reminder, escalation, stalled, three outcome notices
    for (const id of waiting) expect(await scene.sentCount([id])).toBe(8);
    const retriedMail = await models.Email.find({ idempotencyKey: { $in: inFlight.map((e) => e.idempotencyKey) } }).lean();
    expect(retriedMail.map((e) => e.status)).toEqual(inFlight.map(() => 'sent'));
    expect(alive(second)).toBe(true);

    recordFigures('worker-sigkill', {
      workflowsRunningAtKill: ids.length,
      escalationLevelsAtKill: levelsAtKill,
      emailsOnTheWireAtKill: inFlight.length,
      workerBackAfterMs,
      apiAnswerToDecisionDuringOutage: outageAnswer,
      workflowsResumed: results.length,
      allFinishedAfterKillMs: resumedAfterMs,
      decisionsMade: 6,
      decisionsStored: decisions.decisions,
      emailsOwed: emails.recorded,
      emailsSent: emails.sent,
      emailsCaughtByMailpit: emails.caught,
      duplicates: emails.duplicated.length,
      attemptsOfEmailsOnTheWire: retriedMail.map((e) => e.attempts),
      emailsOnTheWireSentAfterKillMs: retriedMail.map((e) => e.sentAt!.getTime() - killedAt),
      activityRetries: await retriedActivities(scene.client, ids),
    });
    await release(slowSmtp);
    await release(scene);
  }, 200_000);

  it('when the Temporal server is SIGKILLed and restarted on its SQLite file, every workflow resumes and a reminder that fell due meanwhile goes out once', async () => {
    const scene = await openScene();
    const { models, town, stack } = scene;
    await setPolicy(models, 'goal-alignment', { remindAfter: 'PT8S', escalateAfter: 'PT1H', stalledAfter: 'PT2H' });
    const worker = await stack.startWorker();
    const [approved, ...waiting] = await scene.startInitiatives(3);
    const ids = [approved, ...waiting];
    await scene.decide(approved, 'goal-alignment', 'approve', town.governance);
    // three invitations, three goal-alignment requests and one owner sign-off request
    await eventually('the entry emails sent', async () => (await scene.sentCount(ids)) === 7, 20_000);
    const dueTimes = await Promise.all(waiting.map(async (id) => (await scene.readModel(id)).gateDueAt!.getTime()));

    const killedAt = Date.now();
    await stack.temporal.kill();
    expect(killedAt).toBeLessThan(Math.min(...dueTimes) - 1_000);
    await sleep(Math.max(...dueTimes) + 2_000 - Date.now());
    expect(await scene.sentCount(ids, { kind: 'reminder' })).toBe(0);
    await stack.temporal.restart();
    const restartedAt = Date.now();

    await eventually('a reminder for each waiting initiative', async () => (await scene.sentCount(waiting, { kind: 'reminder' })) === waiting.length, 40_000);
    const remindedAfterRestartMs = Date.now() - restartedAt;
    await sleep(3_000); // time enough for a second firing, which must not come
    const reminders = await models.Email.find({ initiativeId: { $in: ids }, kind: 'reminder' }).lean();
    expect(reminders.map((r) => r.initiativeId).sort()).toEqual([...waiting].sort());

    await scene.decide(approved, 'owner-signoff', 'reject', town.owner);
    for (const id of waiting) await scene.decide(id, 'goal-alignment', 'reject', town.governance);
    const results = await within('every workflow finishing', Promise.all(ids.map(scene.result)), 60_000);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(alive(worker)).toBe(true);
    const decisions = await accountDecisions(models, ids);
    expect(decisions).toEqual({ decisions: 4, audited: 4, unaudited: [] });
    const emails = await accountEmails(models, stack.mailboxUrl, ids);
    expect(cleanAccount(emails)).toEqual({ unsent: [], duplicated: [], missing: [], unknown: [], unowed: [], notRecorded: [] });
    expect(emails.caught).toBe(emails.sent);
    const caughtReminders = emails.perRecipientAndKind[`${await town.emailOf(town.governance)} reminder`];
    expect(caughtReminders).toEqual({ sent: 2, caught: 2 });

    recordFigures('temporal-sigkill', {
      workflowsRunningAtKill: ids.length,
      temporalDownMs: restartedAt - killedAt,
      remindersDueWhileDown: waiting.length,
      remindersSent: reminders.length,
      remindersCaughtByMailpit: caughtReminders.caught,
      remindedAfterRestartMs,
      workflowsResumed: results.length,
      workerSurvivedOutage: true,
      decisionsMade: 4,
      decisionsStored: decisions.decisions,
      emailsOwed: emails.recorded,
      emailsSent: emails.sent,
      emailsCaughtByMailpit: emails.caught,
      duplicates: emails.duplicated.length,
    });
    await release(scene);
  }, 150_000);

  it('when the database is SIGKILLed during activity execution, activities retry until it returns and each decision and its audit entry exist exactly once', async () => {
    const scene = await openScene();
    const { models, town, stack } = scene;
    const worker = await stack.startWorker();
    const ids = await scene.startInitiatives(5);
    await eventually('the entry emails sent', async () => (await scene.sentCount(ids)) === 10, 20_000);

    let answered = 0;
    const decisions = Promise.allSettled(
      ids.map((id) => scene.decide(id, 'goal-alignment', 'approve', town.governance).finally(() => (answered += 1))),
    );
    const decisionsAtKill = await eventually('the first decision written', async () => models.Decision.countDocuments({ initiativeId: { $in: ids } }), 15_000, 10);
    const answeredAtKill = answered;
    const killedAt = Date.now();
    await stack.database.kill();
    await sleep(5_000);
    expect(alive(worker)).toBe(true);
    await stack.database.restart();
    const restartedAt = Date.now();

    const outcomes = await within('the decisions answered', decisions, 60_000);
    // The API stops waiting after its deadline; a decision it gave up on must still be taken once.
    const timedOut = outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
    expect(timedOut.every((reason) => /temporal|workflow service/i.test(reason))).toBe(true);
    await eventually('every initiative in owner sign-off with its request sent', async () => {
      const moved = await models.Initiative.countDocuments({ _id: { $in: ids }, gate: 'owner-signoff' });
      return moved === ids.length && (await scene.sentCount(ids, { kind: 'approval-request', gate: 'owner-signoff' })) === ids.length;
    }, 60_000);
    const recoveredAfterMs = Date.now() - restartedAt;

    for (const id of ids) {
      const decided = await models.Decision.find({ initiativeId: id }).lean();
      const audit = await models.Audit.find({ initiativeId: id }).lean();
      expect(decided.map((d) => `${d.gate} ${d.decision}`)).toEqual(['goal-alignment approve']);
      expect(audit.filter((a) => a.action === 'decision.approve')).toHaveLength(1);
      expect(audit.filter((a) => a.action === 'gate.entered').map((a) => (a.details as { gate: string }).gate).sort()).toEqual(['goal-alignment', 'owner-signoff']);
      expect((await scene.readModel(id)).waitingOnId).toBe(town.owner);
    }
    const decisionAccount = await accountDecisions(models, ids);
    expect(decisionAccount).toEqual({ decisions: 5, audited: 5, unaudited: [] });
    const emails = await accountEmails(models, stack.mailboxUrl, ids);
    expect(cleanAccount(emails)).toEqual({ unsent: [], duplicated: [], missing: [], unknown: [], unowed: [], notRecorded: [] });
    const retries = await retriedActivities(scene.client, ids);
    expect(retries.retried).toBeGreaterThan(0);

    recordFigures('database-sigkill', {
      decisionsInFlight: ids.length,
      decisionsWrittenAtKill: decisionsAtKill,
      decisionsAnsweredAtKill: answeredAtKill,
      databaseDownMs: restartedAt - killedAt,
      decisionsTheApiGaveUpOn: timedOut.length,
      recoveredAfterRestartMs: recoveredAfterMs,
      decisionsStored: decisionAccount.decisions,
      decisionAuditEntries: decisionAccount.audited,
      activityRetries: retries,
      emailsOwed: emails.recorded,
      emailsSent: emails.sent,
      emailsCaughtByMailpit: emails.caught,
      duplicates: emails.duplicated.length,
    });
    await release(scene);
  }, 150_000);

  it('while SMTP is down emails wait as failed with attempts counted and the ladder still advances; when it returns each goes out exactly once', async () => {
    const scene = await openScene();
    const { models, town, stack } = scene;
    await setPolicy(models, 'goal-alignment', { remindAfter: 'PT1S', escalateAfter: 'PT2S', stalledAfter: 'PT3S' });
    await stack.startWorker();
    await stack.smtp.kill();
    const downAt = Date.now();
    const ids = await scene.startInitiatives(2);

    for (const id of ids) await eventually(`${id} stalled while SMTP is down`, async () => (await scene.readModel(id)).stalled, 15_000);
    const ladderStalledAfterMs = Date.now() - downAt;
    // per initiative: invitation, request, reminder, escalation and stalled notice
    const waitingMail = await eventually('every owed email recorded and failing', async () => {
      const rows = await models.Email.find({ initiativeId: { $in: ids } }).lean();
      return rows.length === 10 && rows.every((r) => r.attempts > 0 && r.status !== 'pending') && rows;
    }, 15_000);
    expect(waitingMail.filter((r) => r.status === 'sent')).toEqual([]);
    expect(waitingMail.every((r) => ['failed', 'sending'].includes(r.status))).toBe(true);
    await sleep(downAt + 8_000 - Date.now());
    await stack.smtp.restart();
    const backAt = Date.now();

    await eventually('every email sent after SMTP returned', async () => (await scene.sentCount(ids)) === 10, 45_000);
    const drainedAfterMs = Date.now() - backAt;
    const emails = await accountEmails(models, stack.mailboxUrl, ids);
    expect(cleanAccount(emails)).toEqual({ unsent: [], duplicated: [], missing: [], unknown: [], unowed: [], notRecorded: [] });
    expect(emails.caught).toBe(10);
    for (const counts of Object.values(emails.perRecipientAndKind)) expect(counts.caught).toBe(counts.sent);
    const sent = await models.Email.find({ initiativeId: { $in: ids } }).lean();
    expect(sent.every((r) => r.attempts >= 2 && r.lastError === null)).toBe(true);
    for (const id of ids) expect((await scene.readModel(id)).escalationLevel).toBe(3);

    recordFigures('smtp-outage', {
      smtpDownMs: backAt - downAt,
      ladderStalledWhileDownAfterMs: ladderStalledAfterMs,
      emailsOwedWhileDown: waitingMail.length,
      statusesWhileDown: Object.fromEntries(['failed', 'sending'].map((s) => [s, waitingMail.filter((r) => r.status === s).length])),
      maxAttemptsWhileDown: Math.max(...waitingMail.map((r) => r.attempts)),
      attemptsUntilSent: sent.map((r) => r.attempts).sort(),
      drainedAfterReturnMs: drainedAfterMs,
      emailsSent: emails.sent,
      emailsCaughtByMailpit: emails.caught,
      duplicates: emails.duplicated.length,
    });
    await release(scene);
  }, 120_000);

  // Regression test: deliverOnce used to treat a failed write of status 'sent' after a successful
  // SMTP send as a failed send, so the retry sent again (with a re-issued, dead link in the first).
  it('an email on the wire when the database dies goes out once when the database returns', async () => {
    const scene = await openScene();
    const { models, stack } = scene;
    const slowSmtp = track(await startDelayProxy(stack.smtpPort, 2_000));
    await stack.startWorker({ smtpUrl: slowSmtp.url });
    const ids = await scene.startInitiatives(1);
    const onTheWire = await eventually('both entry emails on the wire', async () => {
      const sending = await models.Email.find({ status: 'sending', updatedAt: { $gt: new Date(Date.now() - 800) } }).lean();
      return sending.length === 2 && sending;
    }, 15_000, 50);
    // Longer than the worker's 5 s server selection, so the write after the send cannot just wait.
    await stack.database.kill();
    await sleep(7_000);
    await stack.database.restart();
    await eventually('both emails sent', async () => (await scene.sentCount(ids)) === 2, 60_000);
    const emails = await accountEmails(models, stack.mailboxUrl, ids);
    recordFigures('database-sigkill-email-on-the-wire', {
      emailsOnTheWireAtKill: onTheWire.length,
      emailsSent: emails.sent,
      emailsCaughtByMailpit: emails.caught,
      duplicates: emails.duplicated.length,
    });
    await release(slowSmtp);
    await release(scene);
    expect(emails.duplicated).toEqual([]);
  }, 120_000);
});
