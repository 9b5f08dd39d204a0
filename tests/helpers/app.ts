// The whole service for one test file: real worker, real database, real Temporal, the Express
// app on a free port, and HTTP clients that log in like the console does.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword } from '../../api/auth/passwords.js';
import type { AppContext } from '../../api/context.js';
import { ensurePolicies, startServer } from '../../api/server.js';
import { createWorkflowGateway } from '../../api/temporal.js';
import { startEngine, type Engine } from './engine.js';
import { createInitiativeDoc, createMunicipality, type Municipality } from './fixtures.js';

export const TEST_PASSWORD = 'korrekt-hest-batteri-stift';

export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface HttpClient {
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResponse<T>>;
  get<T = any>(path: string): Promise<HttpResponse<T>>;
  post<T = any>(path: string, body?: unknown): Promise<HttpResponse<T>>;
  put<T = any>(path: string, body?: unknown): Promise<HttpResponse<T>>;
  del<T = any>(path: string): Promise<HttpResponse<T>>;
  cookies: Map<string, string>;
}

/** Every answer the test clients got in this test file, for checking against the OpenAPI document. */
export const exchanges: { method: string; path: string; status: number; contentType: string; body: unknown }[] = [];

export function httpClient(baseUrl: string): HttpClient {
  const cookies = new Map<string, string>();
  async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = {
      method,
      redirect: 'manual',
      headers: {
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(cookies.has('ep_csrf') && method !== 'GET' ? { 'x-csrf-token': cookies.get('ep_csrf')! } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    };
    const response = await fetch(`${baseUrl}${path}`, init);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      if (!value || /expires=Thu, 01 Jan 1970/i.test(cookie)) cookies.delete(name);
      else cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // HTML pages stay text
    }
    if (exchanges.length < 10_000) exchanges.push({ method, path, status: response.status, contentType: response.headers.get('content-type') ?? '', body: parsed });
    return { status: response.status, headers: response.headers, body: parsed as any, text };
  }
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    del: (path) => request('DELETE', path),
    cookies,
  };
}

export interface TestService {
  engine: Engine;
  context: AppContext;
  baseUrl: string;
  town: Municipality;
  /** An initiative saved and with its workflow running, as the API creates them. */
  startInitiative(overrides?: Record<string, unknown>): Promise<string>;
  /** A logged-in client for a person of the test municipality. */
  as(personId: string): Promise<HttpClient>;
  anonymous(): HttpClient;
  stop(): Promise<void>;
}

/** `env` overrides the configuration (single sign-on, say); `port` fixes the port when PUBLIC_URL must name it. */
export async function startService(options: { env?: Record<string, string>; port?: number } = {}): Promise<TestService> {
  const engine = await startEngine(options.env);
  const context: AppContext = { config: engine.config, db: engine.db, workflows: createWorkflowGateway(engine.client, engine.config) };
  await ensurePolicies(context);
  const server: Server = await startServer(context, options.port ?? 0);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const town = await createMunicipality(engine.db.models);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  await engine.db.models.Person.updateMany({ email: { $regex: town.tag } }, { $set: { passwordHash } });
  return {
    engine,
    context,
    baseUrl,
    town,
    async startInitiative(overrides = {}) {
      const id = await createInitiativeDoc(engine.db.models, town, overrides);
      await context.workflows.start(id, (overrides.kind as 'project' | 'line' | undefined) ?? 'project');
      return id;
    },
    async as(personId) {
      const client = httpClient(baseUrl);
      const email = await town.emailOf(personId);
      const login = await client.post('/api/auth/login', { email, password: TEST_PASSWORD });
      if (login.status !== 200) throw new Error(`login as ${email} failed: ${login.status} ${login.text}`);
      return client;
    },
    anonymous: () => httpClient(baseUrl),
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await engine.stop();
    },
  };
}
