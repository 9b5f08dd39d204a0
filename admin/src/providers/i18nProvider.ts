// Norwegian bokmål by default, English on request; both bundles ship with the app.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { nb } from '../i18n/nb';
import { en } from '../i18n/en';
import { integrationsEn, integrationsNb, mergeMessages } from '../i18n/integrations';

const messages = { nb: mergeMessages(nb, integrationsNb), en: mergeMessages(en, integrationsEn) } as const;

export const i18nProvider = polyglotI18nProvider(
    locale => (locale === 'en' ? messages.en : messages.nb),
    'nb',
    [
        { locale: 'nb', name: 'Norsk bokmål' },
        { locale: 'en', name: 'English' },
    ]
);
