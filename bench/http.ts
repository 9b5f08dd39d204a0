// A small HTTP client that behaves like the console: a cookie jar, the CSRF header on writes,
// and (for simulated email recipients) its own client address in X-Forwarded-For.
export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface HttpClient {
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
  form(path: string, fields: Record<string, string>): Promise<HttpAnswer<string>>;
}

/**
 * Every answer the bench gets, counted; the ones outside 2xx by kind (method, route with ids
 * masked, status and the API's error code), so a report can say what failed and how often.
 */
export class Answers {
  requests = 0;
  non2xx = 0;
  serverErrors = 0;
  private kinds = new Map<string, number>();

  record(method: string, path: string, status: number, text: string): void {
    this.requests += 1;
    if (status >= 200 && status < 300) return;
    this.non2xx += 1;
    if (status >= 500) this.serverErrors += 1;
    let code = '';
    try {
      const parsed = JSON.parse(text) as { error?: { code?: string } };
      if (parsed?.error?.code) code = ` ${parsed.error.code}`;
    } catch {
      // not JSON
    }
    const route = path
      .split('?')[0]
      .replace(/\/actions\/[A-Za-z0-9_-]+/, '/actions/:token')
      .replace(/[0-9a-f]{24}/g, ':id');
    const kind = `${method} ${route} → ${status}${code}`;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  /** A network failure (no answer at all) counts as its own kind. */
  failed(method: string, path: string, error: unknown): void {
    this.requests += 1;
    this.non2xx += 1;
    const kind = `${method} ${path.split('?')[0].replace(/[0-9a-f]{24}/g, ':id')} → no answer (${error instanceof Error ? error.name : 'error'})`;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  summary(): { requests: number; non2xx: number; serverErrors: number; byKind: Record<string, number> } {
    return { requests: this.requests, non2xx: this.non2xx, serverErrors: this.serverErrors, byKind: Object.fromEntries([...this.kinds].sort((a, b) => b[1] - a[1])) };
  }
}

export function httpClient(baseUrl: string, options: { forwardedFor?: string; answers?: Answers } = {}): HttpClient {
  const cookies = new Map<string, string>();
  const common = (): Record<string, string> => ({
    ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
    ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
  });

  async function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<HttpAnswer> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { method, redirect: 'manual', headers, body, signal: AbortSignal.timeout(120_000) });
    } catch (error) {
      options.answers?.failed(method, path, error);
      throw error;
    }
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair.split('=');
      cookies.set(name, rest.join('='));
    }
    const text = await response.text();
    options.answers?.record(method, path, response.status, text);
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json')) parsed = text ? JSON.parse(text) : null;
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  return {
    request(method, path, body, headers = {}) {
      const csrf = cookies.get('ep_csrf');
      return send(method, path, {
        ...common(),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      }, body === undefined ? undefined : JSON.stringify(body));
    },
    form(path, fields) {
      return send('POST', path, { ...common(), 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams(fields).toString());
    },
  };
}

/** Logs in like the console; throws with the answer when it fails. */
export async function loggedIn(baseUrl: string, email: string, password: string, answers?: Answers): Promise<HttpClient> {
  const client = httpClient(baseUrl, { answers });
  const answer = await client.request('POST', '/api/auth/login', { email, password });
  if (answer.status !== 200) throw new Error(`login as ${email} failed: ${answer.status} ${answer.text.slice(0, 200)}`);
  return client;
}

/** Throws unless the answer has the expected status, naming the request. */
export function expectStatus(answer: HttpAnswer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 300)}`);
}
