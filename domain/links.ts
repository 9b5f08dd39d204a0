// Addresses the service puts in emails and pages. Always built from PUBLIC_URL, never from a request.
export const consoleUrl = (publicUrl: string, resource: string, id: string) => `${publicUrl}/#/${resource}/${id}/show`;

export const actionUrl = (publicUrl: string, token: string) => `${publicUrl}/actions/${token}`;

/** How long an emailed action link stays valid. */
export const LINK_LIFETIME_DAYS = 30;

export const linkExpiry = (now: Date, days = LINK_LIFETIME_DAYS) => new Date(now.getTime() + days * 86_400_000);

/** Log lines never carry a live link: the token in an action-link path is replaced. */
export const redactActionTokens = (text: string) => text.replace(/\/actions\/[^/?#\s"']+/g, '/actions/[redacted]');
