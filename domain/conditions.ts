// Conditions on an approval ("go, with conditions"): each becomes a tracked item with an owner
// and a due date, reminded when due, and met (by its owner) or waived (by the decider) before the
// next gate's decision.
export interface ConditionInput {
  text: string;
  ownerId?: string | null;
  dueAt?: Date | string | null;
}

export interface PlannedCondition {
  text: string;
  ownerId: string;
  dueAt: string;
}

/** A condition without a date is due this many days after the approval. */
export const CONDITION_DUE_DAYS = 30;
/** Its owner is reminded when it falls due and then every this many days while it stays open. */
export const CONDITION_REMINDER_DAYS = 7;
export const CONDITION_REMINDERS_MAX = 4;

/** Conditions as the decider gave them (a line of text, or text with owner and date), filled in. */
export function planConditions(inputs: readonly (string | ConditionInput)[], defaultOwnerId: string, decidedAt: Date): PlannedCondition[] {
  const due = new Date(decidedAt.getTime() + CONDITION_DUE_DAYS * 86_400_000).toISOString();
  return inputs.map((input) => {
    const condition = typeof input === 'string' ? { text: input } : input;
    return {
      text: condition.text.trim(),
      ownerId: condition.ownerId ?? defaultOwnerId,
      dueAt: condition.dueAt ? new Date(condition.dueAt).toISOString() : due,
    };
  });
}

/** When an open condition's next reminder falls due (null after the last one). */
export function nextConditionReminder(dueAt: string, remindersSent: number): number | null {
  if (remindersSent >= CONDITION_REMINDERS_MAX) return null;
  return Date.parse(dueAt) + remindersSent * CONDITION_REMINDER_DAYS * 86_400_000;
}

/** Who may close a condition: its owner says it is met; whoever may decide its gate waives it. */
export function mayCloseCondition(status: 'met' | 'waived', actorId: string, isAdmin: boolean, condition: { ownerId: string }, mayDecideItsGate: boolean): boolean {
  if (isAdmin) return true;
  return status === 'met' ? actorId === condition.ownerId : mayDecideItsGate;
}
