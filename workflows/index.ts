// The worker bundles this file: workflow functions only.
export { initiativeWorkflow } from './initiative.js';
export { stackProbeWorkflow } from './stack-probe.js';
export { webhookDeliveryWorkflow } from './webhook-delivery.js';
