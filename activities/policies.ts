// The escalation policy in force for a gate: what an administrator stored, over the defaults.
import { effectivePolicy, type PolicyValues } from '../domain/policy.js';
import type { Gate } from '../domain/types.js';
import type { Models } from '../store/models/index.js';

export async function policyFor(models: Models, gate: Gate): Promise<PolicyValues> {
  return effectivePolicy(gate, await models.Policy.findById(gate).lean());
}
