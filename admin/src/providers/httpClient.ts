// Every console request goes through here: session cookie, CSRF header and the API's error shape.
import { fetchUtils, HttpError } from 'react-admin';
import { toHttpError } from './apiErrors';

export const apiUrl = import.meta.env.VITE_API_URL ?? '/api';

const CSRF_COOKIE = 'ep_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const readCsrfToken = (): string | undefined =>
    document.cookie
        .split(';')
        .map(part => part.trim())
        .find(part => part.startsWith(`${CSRF_COOKIE}=`))
        ?.slice(CSRF_COOKIE.length + 1);

export const withSession = (options: fetchUtils.Options = {}): fetchUtils.Options => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    // Lets the API record the channel of decisions and measurements as "console".
    headers.set('X-Endringsporten-Client', 'console');
    const method = (options.method ?? 'GET').toUpperCase();
    const csrf = readCsrfToken();
    if (!SAFE_METHODS.has(method) && csrf) {
        headers.set('X-CSRF-Token', decodeURIComponent(csrf));
    }
    return { ...options, headers, credentials: 'include' };
};

export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
    try {
        return await fetchUtils.fetchJson(url, withSession(options));
    } catch (error) {
        if (error instanceof HttpError) {
            throw toHttpError(error.status, error.body, error.message);
        }
        throw error;
    }
};

/** JSON call for the action endpoints that are not simple-REST resources. */
export const callApi = async <T>(path: string, options: { method?: string; body?: unknown } = {}) => {
    const { json } = await httpClient(`${apiUrl}${path}`, {
        method: options.method ?? 'GET',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return json as T;
};
