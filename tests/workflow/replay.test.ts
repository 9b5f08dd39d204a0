// Determinism guard: every committed history must replay on the current workflow code.
// A change that is not replay-safe (not behind `patched`) fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it, inject } from 'vitest';
import { historiesDir } from '../helpers/histories.js';

const files = readdirSync(historiesDir).filter((f) => f.endsWith('.history.pb'));

describe('replaying recorded workflow histories', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it('replays every history without non-determinism', async () => {
    const histories = files.map((file) => {
      const history = temporal.api.history.v1.History.decode(readFileSync(join(historiesDir, file)));
      return { workflowId: file.replace('.history.pb', ''), history };
    });
    const results = Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories);
    const failures: string[] = [];
    for await (const result of results) if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    expect(failures).toEqual([]);
  });
});
