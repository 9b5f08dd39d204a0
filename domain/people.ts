// Facts about a person that every message to them depends on.
import type { Locale } from './types.js';

/** Norwegian bokmål unless the person chose English. */
export const localeOf = (person: { locale?: string | null } | null | undefined): Locale => (person?.locale === 'en' ? 'en' : 'nb');
