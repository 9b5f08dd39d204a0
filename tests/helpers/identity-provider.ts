// A real OpenID Connect provider for tests (oidc-provider) on loopback, standing in for the
// municipality's Entra ID: the app under test talks to it over HTTP as it would to Microsoft.
// Its sign-in page is our own tiny form (oidc-provider's development pages load web fonts from
// the internet); consent is given by the organisation, as in Entra ID's admin consent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  /** The login typed on the provider's form. */
  login: string;
  claims: Record<string, unknown>;
}

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login; add to it at any time. */
  accounts: Map<string, TestAccount>;
  /** Sign-ins the provider completed (the account logins), in order. */
  signIns: string[];
  close(): Promise<void>;
}

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kommunen – sign in</title></head><body><main><h1>Kommunen – sign in</h1>${body}</main></body></html>`;

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export async function startIdentityProvider(options: { redirectUri: string; clientId?: string; clientSecret?: string }): Promise<IdentityProvider> {
  const clientId = options.clientId ?? 'endringsporten';
  const clientSecret = options.clientSecret ?? 'a-client-secret-for-tests-only';
  const accounts = new Map<string, TestAccount>();
  const signIns: string[] = [];
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], token_endpoint_auth_method: 'client_secret_post', response_types: ['code'], grant_types: ['authorization_code'] }],
    // Entra ID puts email and preferred_username in the ID token itself.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: async () => ({ sub: id, ...account.claims }) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  provider.on('server_error', (_ctx, error) => console.error('identity provider error', error));
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'consent') {
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: String(details.session?.accountId), clientId });
      const missing = (details.prompt.details as { missingOIDCScope?: string[] }).missingOIDCScope;
      if (missing) grant!.addOIDCScope(missing.join(' '));
      return provider.interactionFinished(req, res, { consent: { grantId: await grant!.save() } }, { mergeWithLastSubmission: true });
    }
    if (req.method === 'POST') {
      const form = await readForm(req);
      const login = form.get('login') ?? '';
      if (!accounts.has(login)) {
        res.setHeader('content-type', 'text/html');
        return res.end(page(`<p role="alert">Unknown user</p>${loginForm(details.uid)}`));
      }
      signIns.push(login);
      return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }
    res.setHeader('content-type', 'text/html');
    res.end(page(loginForm(details.uid)));
  }
  const loginForm = (uid: string) =>
    `<form method="post" action="/interaction/${uid}"><label>Username <input name="login" type="text" autocomplete="username"></label> <button type="submit">Sign in</button></form>`;

  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  };

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signIns,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
