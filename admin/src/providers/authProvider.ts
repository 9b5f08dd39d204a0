// Session-cookie auth against /api/auth; nothing is kept in localStorage.
import type { AuthProvider } from 'react-admin';
import { toHttpError } from './apiErrors';
import { apiUrl, withSession } from './httpClient';
import { canAccessResource } from '../auth/permissions';

export interface SessionUser {
    id: string;
    name: string;
    email: string;
    roles: string[];
    locale: 'nb' | 'en';
    /** The people who are away now and name this user as their deputy. */
    standingInFor: string[];
}

let currentUser: Promise<SessionUser | null> | null = null;

const request = (path: string, method = 'GET', body?: unknown) =>
    fetch(
        `${apiUrl}/auth/${path}`,
        withSession({
            method,
            headers: new Headers({ Accept: 'application/json', 'Content-Type': 'application/json' }),
            body: body === undefined ? undefined : JSON.stringify(body),
        })
    );

const fetchMe = async (): Promise<SessionUser | null> => {
    const response = await request('me');
    if (response.status === 401) return null;
    if (!response.ok) throw toHttpError(response.status, await response.json().catch(() => undefined), response.statusText);
    const { user, standingInFor } = (await response.json()) as { user: Omit<SessionUser, 'standingInFor'>; standingInFor?: string[] };
    return { ...user, standingInFor: standingInFor ?? [] };
};

/** The logged-in user, fetched once per session and shared by every auth call. */
export const getSessionUser = () => {
    currentUser ??= fetchMe().catch(error => {
        currentUser = null;
        throw error;
    });
    return currentUser;
};

// "Nobody is logged in" stays cached until login, logout or a 401, so the login page
// does not ask the server again for every auth check it makes.
const requireUser = async () => {
    const user = await getSessionUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return user;
};

export const authProvider: AuthProvider = {
    login: async ({ email, password }: { email: string; password: string }) => {
        const response = await request('login', 'POST', { email, password });
        if (response.status === 401) throw new Error('app.auth.invalid_credentials');
        if (!response.ok) {
            const body = await response.json().catch(() => undefined);
            throw toHttpError(response.status, body, 'ra.auth.sign_in_error');
        }
        // The login answer names the user; /me adds whom they stand in for today.
        await response.body?.cancel();
        currentUser = null;
        await requireUser();
    },
    logout: async () => {
        const user = await currentUser?.catch(() => null);
        currentUser = null;
        if (user) await request('logout', 'POST').catch(() => undefined);
    },
    checkAuth: async () => {
        await requireUser();
    },
    checkError: async (error: { status?: number }) => {
        if (error?.status === 401) {
            currentUser = null;
            throw new Error('ra.notification.logged_out');
        }
        // 403 means "not for your role": stay logged in and let the page show the message.
    },
    getIdentity: async () => {
        const user = await requireUser();
        return { id: user.id, fullName: user.name, email: user.email, roles: user.roles, locale: user.locale, standingInFor: user.standingInFor };
    },
    getPermissions: async () => {
        const user = await getSessionUser();
        return user?.roles ?? [];
    },
    canAccess: async ({ resource, action }) => {
        const user = await getSessionUser();
        return !!user && canAccessResource(user.roles, resource, action);
    },
};
