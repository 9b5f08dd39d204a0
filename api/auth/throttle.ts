// Login throttling: failed attempts counted per normalised email and per client address in the
// database, so padding the address with spaces or changing its case counts the same, and several
// API processes share one count. A throttled attempt is refused before any password is checked.
import type { Models } from '../../store/models/index.js';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed attempts allowed per window: a person mistyping, not a script guessing. */
export const LOGIN_LIMITS = { email: 10, address: 50 } as const;

export function createLoginThrottle(models: Models, clock: () => number = Date.now) {
  const keysOf = (email: string, address: string) => [
    { key: `email:${email}`, limit: LOGIN_LIMITS.email },
    { key: `address:${address}`, limit: LOGIN_LIMITS.address },
  ];

  return {
    /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
    async waitSeconds(email: string, address: string): Promise<number> {
      const since = new Date(clock() - LOGIN_WINDOW_MS);
      for (const { key, limit } of keysOf(email, address)) {
        const failures = await models.LoginFailure.find({ key, at: { $gte: since } }, { at: 1 }).sort({ at: 1 }).limit(limit).lean();
        if (failures.length >= limit) return Math.max(1, Math.ceil((failures[0].at.getTime() + LOGIN_WINDOW_MS - clock()) / 1000));
      }
      return 0;
    },

    async recordFailure(email: string, address: string): Promise<void> {
      const at = new Date(clock());
      await models.LoginFailure.insertMany(keysOf(email, address).map(({ key }) => ({ key, at })));
      await models.LoginFailure.deleteMany({ at: { $lt: new Date(clock() - LOGIN_WINDOW_MS) } });
    },

    /** A successful login clears the email's failures (not the address's: others may share it). */
    async recordSuccess(email: string): Promise<void> {
      await models.LoginFailure.deleteMany({ key: `email:${email}` });
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
