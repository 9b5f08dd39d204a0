// Custom search attributes on initiative workflows, so Temporal's own UI can find stalled ones.
// They are stored unencrypted: ids, gate names and numbers only, never names or emails.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const SEARCH_ATTRIBUTES = {
  EpGate: 'Keyword',
  EpStatus: 'Keyword',
  EpEscalationLevel: 'Int',
  EpStalled: 'Bool',
  EpGateDueAt: 'Datetime',
} as const;

export const gateKey = defineSearchAttributeKey('EpGate', SearchAttributeType.KEYWORD);
export const statusKey = defineSearchAttributeKey('EpStatus', SearchAttributeType.KEYWORD);
export const escalationLevelKey = defineSearchAttributeKey('EpEscalationLevel', SearchAttributeType.INT);
export const stalledKey = defineSearchAttributeKey('EpStalled', SearchAttributeType.BOOL);
export const gateDueAtKey = defineSearchAttributeKey('EpGateDueAt', SearchAttributeType.DATETIME);
