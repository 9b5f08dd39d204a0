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

export function httpClient(baseUrl: string, options: { forwardedFor?: string } = {}): HttpClient {
  const cookies = new Map<string, string>();
  const common = (): Record<string, string> => ({
    ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
    ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
  });

  async function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<HttpAnswer> {
    const response = await fetch(`${baseUrl}${path}`, { method, redirect: 'manual', headers, body, signal: AbortSignal.timeout(120_000) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair.split('=');
      cookies.set(name, rest.join('='));
    }
    const text = await response.text();
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
export async function loggedIn(baseUrl: string, email: string, password: string): Promise<HttpClient> {
  const client = httpClient(baseUrl);
  const answer = await client.request('POST', '/api/auth/login', { email, password });
  if (answer.status !== 200) throw new Error(`login as ${email} failed: ${answer.status} ${answer.text.slice(0, 200)}`);
  return client;
}

/** Throws unless the answer has the expected status, naming the request. */
export function expectStatus(answer: HttpAnswer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 300)}`);
}
