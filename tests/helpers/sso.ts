// The service with single sign-on against a real OpenID provider on loopback, and a small
// browser-like client (cookies per host, redirects followed by hand) to sign in through it.
import { freePort } from '../../stack/ports.js';
import { startService, type HttpClient, type TestService } from './app.js';
import { startIdentityProvider, type IdentityProvider } from './identity-provider.js';

export interface SsoSetup {
  service: TestService;
  provider: IdentityProvider;
  stop(): Promise<void>;
}

export async function startServiceWithSso(env: Record<string, string> = {}): Promise<SsoSetup> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const provider = await startIdentityProvider({ redirectUri: `${publicUrl}/api/auth/oidc/callback` });
  const service = await startService({
    port,
    env: { PUBLIC_URL: publicUrl, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, ...env },
  });
  return {
    service,
    provider,
    async stop() {
      await service.stop();
      await provider.close();
    },
  };
}

export interface SignInResult {
  /** The last answer: the console after a redirect, or the page that refused. */
  status: number;
  location: string | null;
  text: string;
  /** Every URL visited, in order. */
  visited: string[];
}

/**
 * Clicks "Log in with your municipality account" and types `login` on the provider's form,
 * following redirects like a browser; the app's cookies end up in `client`.
 */
export async function signInWithSso(client: HttpClient, baseUrl: string, login: string): Promise<SignInResult> {
  const jars = new Map<string, Map<string, string>>([[new URL(baseUrl).host, client.cookies]]);
  const jarOf = (url: URL) => jars.get(url.host) ?? jars.set(url.host, new Map()).get(url.host)!;
  const visited: string[] = [];
  let url = new URL('/api/auth/oidc/login', baseUrl);
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 20; hop += 1) {
    visited.push(url.href);
    const jar = jarOf(url);
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      if (!value || /expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    const text = await response.text();
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      // The console itself is a page for the browser, not for this client: stop there.
      if (next.host === new URL(baseUrl).host && next.pathname === '/' ) return { status: response.status, location: next.href, text, visited };
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const form = /<form method="post" action="([^"]+)">/.exec(text);
    if (form && text.includes('name="login"')) {
      url = new URL(form[1], url);
      init = { method: 'POST', body: new URLSearchParams({ login }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
      continue;
    }
    return { status: response.status, location, text, visited };
  }
  throw new Error(`too many redirects: ${visited.join(' → ')}`);
}
