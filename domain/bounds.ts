// Bounds on every input that costs work: how long a duration may be, how far ahead a plan may
// reach, how many people one initiative may invite. The API refuses what is outside them (400),
// so no request can make the worker compute for years of calendar or send a thousand emails.
export const DURATION_BOUNDS = {
  /** A measurement or progress-report cadence. */
  cadence: { min: 1, max: 366 * 86_400, text: 'between one second (PT1S) and one year (P1Y)' },
  /** How often governance reviews benefit realisation. */
  review: { min: 1, max: 2 * 366 * 86_400, text: 'between one second (PT1S) and two years (P2Y)' },
  /** A reminder, escalation or stalled step of an escalation ladder. */
  ladder: { min: 1, max: 2 * 366 * 86_400, text: 'between one second (PT1S) and two years (P2Y)' },
} as const;

/** A benefit is followed up for at most this many years after its baseline. */
export const FOLLOW_UP_YEARS = 10;

export const MAX_ENTHUSIASTS = 30;
export const MAX_CHANGE_AGENTS = 30;
export const MAX_GOAL_LINKS = 20;

/** A list page, and how far into a list a page may start. */
export const LIST_PAGE_MAX = 1000;
export const LIST_START_MAX = 10_000_000;
