// Keeps <html lang> and document.title in step with the UI, and applies the user's locale once.
import { useEffect } from 'react';
import { useGetIdentity, useLocaleState, useStore, useTranslate } from 'react-admin';

/** Sets `<html lang>` to the active locale; rendered on the login page too. */
export const useDocumentLang = () => {
    const [locale] = useLocaleState();
    useEffect(() => {
        document.documentElement.lang = locale;
    }, [locale]);
};

/** Mirrors the page heading react-admin renders into #react-admin-title. */
const useDocumentTitle = () => {
    const translate = useTranslate();
    const appName = translate('app.name');
    useEffect(() => {
        const update = () => {
            const heading = document.getElementById('react-admin-title')?.textContent?.trim();
            document.title = heading ? `${heading} – ${appName}` : appName;
        };
        update();
        const observer = new MutationObserver(update);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        return () => observer.disconnect();
    }, [appName]);
};

/** A user who never picked a language gets the one on their person record. */
const useUserLocale = () => {
    const { identity } = useGetIdentity();
    const [storedLocale] = useStore<string | undefined>('locale');
    const [, setLocale] = useLocaleState();
    const preferred = identity?.locale as string | undefined;
    useEffect(() => {
        if (!storedLocale && preferred) setLocale(preferred);
    }, [storedLocale, preferred, setLocale]);
};

export const DocumentSync = () => {
    useDocumentLang();
    useDocumentTitle();
    useUserLocale();
    return null;
};
