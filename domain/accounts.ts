// Who may use the service: an active person with at least one role. Without a role or once
// deactivated, an account can neither log in nor keep using a session it already has.
export interface AccountFacts {
  roles?: readonly string[] | null;
  active?: boolean | null;
}

export const isUsableAccount = (person: AccountFacts | null | undefined): boolean =>
  Boolean(person) && person!.active !== false && (person!.roles?.length ?? 0) > 0;

/** Changing any of these ends the person's other sessions. */
export const SESSION_SENSITIVE_FIELDS = ['password', 'roles', 'active'] as const;

/** Normalised as the login form's email is looked up and throttled. */
export const normaliseEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase();
