// A tiny workflow that proves the local stack works end to end (a timer and a result).
import { sleep } from '@temporalio/workflow';

export async function stackProbeWorkflow(name: string): Promise<string> {
  await sleep(10);
  return `hei, ${name}`;
}
