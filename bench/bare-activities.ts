// The baseline's activities: the initiative workflow's activity names with bodies that do
// nothing, so the baseline pays Temporal's cost of each activity and none of ours.
export const bareActivities = {
  async sendStartNotices(): Promise<number> {
    return 0;
  },
  async enterGate(ref: { remindAt?: number }): Promise<{ remindAt: number | null }> {
    return { remindAt: ref.remindAt ?? null };
  },
  async sendGateEmail(): Promise<number> {
    return Date.now();
  },
  async checkPreconditions(): Promise<string | null> {
    return null;
  },
  async recordDecision(): Promise<void> {},
  async recordEscalation(): Promise<void> {},
  async startFollowUp(): Promise<void> {},
  async evaluateBenefit(): Promise<void> {},
  async closeFollowUp(): Promise<void> {},
  async finishInitiative(): Promise<void> {},
  async sendOutcomeNotice(): Promise<number> {
    return 0;
  },
};

export type BareActivities = typeof bareActivities;
