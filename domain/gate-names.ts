// What the gates are called in emails and on link pages (the console has its own message files).
import type { Gate, Locale } from './types.js';

export const GATE_NAMES: Record<Locale, Record<Gate, string>> = {
  nb: {
    'goal-alignment': 'Målforankring',
    'owner-signoff': 'Eierskap (tjenesteeiers godkjenning)',
    implementation: 'Gjennomføring',
    'benefit-realisation': 'Gevinstrealisering',
  },
  en: {
    'goal-alignment': 'Goal alignment',
    'owner-signoff': 'Owner sign-off',
    implementation: 'Implementation',
    'benefit-realisation': 'Benefit realisation',
  },
};

export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(date);
}
