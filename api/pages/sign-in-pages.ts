// What a person sees when single sign-on cannot let them into the console: who they are, why,
// and what to do next. Plain HTML (no script), in bokmål or English by the browser's language.
import { escapeHtml, page, type PageLocale } from './layout.js';

export type SignInOutcome = 'unknown-person' | 'no-role' | 'registered' | 'inactive' | 'no-verified-email' | 'failed' | 'unavailable';

const TEXTS: Record<PageLocale, Record<SignInOutcome, { title: string; body: (email: string) => string }> & { back: string }> = {
  nb: {
    'unknown-person': { title: 'Du har ingen konto i Endringsporten', body: (email) => `Kommunekontoen ${email} er ikke registrert i Endringsporten. Be en administrator legge deg til, så kan du logge inn.` },
    'no-role': { title: 'En administrator må gi deg en rolle', body: (email) => `Du er logget inn som ${email}, men har ingen rolle i Endringsporten ennå. Be en administrator gi deg en rolle (for eksempel prosjektleder), og logg inn igjen.` },
    registered: { title: 'En administrator må gi deg en rolle', body: (email) => `Vi har registrert deg som ${email}. Før du kan bruke Endringsporten, må en administrator gi deg en rolle. Logg inn igjen når det er gjort.` },
    inactive: { title: 'Kontoen er deaktivert', body: (email) => `Kontoen ${email} er deaktivert i Endringsporten. Ta kontakt med en administrator hvis du skal ha tilgang.` },
    'no-verified-email': { title: 'Vi fikk ingen bekreftet e-postadresse', body: () => 'Innloggingen ga ingen bekreftet e-postadresse, så vi vet ikke hvem du er i Endringsporten. Be IT-avdelingen sjekke oppsettet for enkel pålogging.' },
    failed: { title: 'Innloggingen ble ikke fullført', body: () => 'Innloggingen ble avbrutt eller er utløpt. Prøv igjen.' },
    unavailable: { title: 'Innloggingstjenesten svarer ikke', body: () => 'Vi får ikke kontakt med kommunens innloggingstjeneste akkurat nå. Prøv igjen om litt.' },
    back: 'Tilbake til innloggingen',
  },
  en: {
    'unknown-person': { title: 'You have no account in Endringsporten', body: (email) => `The municipality account ${email} is not registered in Endringsporten. Ask an administrator to add you, then log in.` },
    'no-role': { title: 'An administrator must give you a role', body: (email) => `You are signed in as ${email}, but you have no role in Endringsporten yet. Ask an administrator to give you one (project manager, for example), then log in again.` },
    registered: { title: 'An administrator must give you a role', body: (email) => `We have registered you as ${email}. Before you can use Endringsporten, an administrator must give you a role. Log in again once that is done.` },
    inactive: { title: 'The account is deactivated', body: (email) => `The account ${email} is deactivated in Endringsporten. Contact an administrator if you need access.` },
    'no-verified-email': { title: 'No verified email address', body: () => 'The sign-in gave no verified email address, so we cannot tell who you are in Endringsporten. Ask IT to check the single sign-on settings.' },
    failed: { title: 'The sign-in was not completed', body: () => 'The sign-in was cancelled or has expired. Try again.' },
    unavailable: { title: 'The sign-in service does not answer', body: () => 'We cannot reach the municipality’s sign-in service right now. Try again shortly.' },
    back: 'Back to the sign-in page',
  },
};

export const localeFromHeader = (acceptLanguage: string | undefined): PageLocale => (/^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'nb');

export function signInPage(locale: PageLocale, outcome: SignInOutcome, email: string, loginUrl: string): string {
  const text = TEXTS[locale][outcome];
  const tone = outcome === 'registered' || outcome === 'no-role' ? 'notice' : 'problem';
  return page(
    locale,
    text.title,
    `<h1>${escapeHtml(text.title)}</h1><p class="${tone}" role="status" data-testid="sign-in-outcome" data-outcome="${outcome}">${escapeHtml(text.body(email))}</p><p><a href="${escapeHtml(loginUrl)}">${escapeHtml(TEXTS[locale].back)}</a></p>`,
  );
}
