// The baseline worker bundles this file: workflow functions only.
export { bareEscalationWorkflow, bareLifecycleWorkflow } from './bare-workflow.js';
