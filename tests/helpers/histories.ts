// Records workflow histories from a suite's own runs (RECORD_HISTORIES=1), for the replay test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export const historiesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'histories');

export async function recordHistory(client: Client, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(historiesDir, { recursive: true });
  // Binary protobuf: proto3-JSON conversion trips over duplicate protobufjs copies under vitest.
  writeFileSync(join(historiesDir, `${name}.history.pb`), temporal.api.history.v1.History.encode(history).finish());
}
