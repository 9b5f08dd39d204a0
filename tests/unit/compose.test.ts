// There is no Docker engine in CI, so the production-like topology is checked by reading it.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../../config/variables.js';
import { SEARCH_ATTRIBUTES } from '../../domain/search-attributes.js';

type Strings = string | string[];
interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  entrypoint?: Strings;
  command?: Strings;
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: Strings };
  volumes?: (string | { type?: string; source?: string })[];
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const repoPath = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
const readRepoFile = (relative: string) => readFileSync(repoPath(relative), 'utf8');

// Compose honours YAML merge keys (`<<: *anchor`), so the test must too.
const compose = parse(readRepoFile('docker-compose.yml'), { merge: true }) as ComposeFile;
const services = compose.services ?? {};
const APP_SERVICES = ['api', 'worker'];
const REQUIRED_APP_VARIABLES = ['TEMPORAL_ADDRESS', 'MONGODB_URI', 'SMTP_URL', 'PUBLIC_URL'];

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environment(s: Service): Record<string, string> {
  if (Array.isArray(s.environment)) {
    return Object.fromEntries(s.environment.map((entry) => [entry.split('=')[0], entry.split('=').slice(1).join('=')]));
  }
  return Object.fromEntries(Object.entries(s.environment ?? {}).map(([key, value]) => [key, String(value ?? '')]));
}

function dependencies(s: Service): [name: string, condition: string][] {
  if (Array.isArray(s.depends_on)) return s.depends_on.map((name) => [name, 'service_started']);
  return Object.entries(s.depends_on ?? {}).map(([name, options]) => [name, options?.condition ?? 'service_started']);
}

function dependsOnTransitively(name: string): Set<string> {
  const seen = new Set<string>();
  const visit = (current: string) => {
    for (const [dependency] of dependencies(services[current] ?? {})) {
      if (!seen.has(dependency)) {
        seen.add(dependency);
        visit(dependency);
      }
    }
  };
  visit(name);
  return seen;
}

const asText = (value: Strings | undefined) => (Array.isArray(value) ? value.join(' ') : (value ?? ''));
const hostOf = (address: string) => new URL(address.includes('://') ? address : `tcp://${address}`).hostname;

describe('docker-compose.yml', () => {
  it('defines every service the app needs', () => {
    for (const name of ['temporal', 'temporal-postgresql', 'temporal-ui', 'mongodb', 'mailpit', 'api', 'worker']) {
      expect(Object.keys(services), `service ${name}`).toContain(name);
    }
    expect(environment(service('temporal')).POSTGRES_SEEDS).toBe('temporal-postgresql');
  });

  it('pins every image to a version', () => {
    for (const [name, s] of Object.entries(services)) {
      if (!s.image) continue;
      expect(s.image, name).toMatch(/:[\w.-]+$/);
      expect(s.image, name).not.toMatch(/:latest$/);
    }
  });

  it('builds the api and the worker from the repository Dockerfile', () => {
    for (const name of APP_SERVICES) {
      const build = service(name).build;
      const { context, dockerfile } = typeof build === 'string' ? { context: build, dockerfile: undefined } : (build ?? {});
      expect(context, name).toBe('.');
      expect(dockerfile ?? 'Dockerfile', name).toBe('Dockerfile');
    }
    expect(existsSync(repoPath('Dockerfile'))).toBe(true);
  });

  it('starts the api server and the worker with tsx', () => {
    expect(asText(service('api').command)).toBe('node --import tsx api/server.ts');
    expect(asText(service('worker').command)).toBe('node --import tsx worker/main.ts');
  });

  it('gives the app only variables that the config module knows', () => {
    for (const name of APP_SERVICES) {
      for (const variable of Object.keys(environment(service(name)))) {
        expect(CONFIG_VARIABLES as readonly string[], `${name} sets ${variable}`).toContain(variable);
      }
    }
  });

  it('points the api and the worker at the Temporal, MongoDB and mail services in the file', () => {
    for (const name of APP_SERVICES) {
      const env = environment(service(name));
      for (const variable of REQUIRED_APP_VARIABLES) expect(env[variable], `${name} ${variable}`).toBeTruthy();
      for (const variable of ['TEMPORAL_ADDRESS', 'MONGODB_URI', 'SMTP_URL']) {
        expect(Object.keys(services), `${name} ${variable}`).toContain(hostOf(env[variable]));
      }
    }
  });

  it('runs MongoDB as the replica set the connection string names', () => {
    const replicaSet = /--replSet[ =](\w+)/.exec(asText(service('mongodb').command))?.[1];
    expect(replicaSet).toBeTruthy();
    for (const name of APP_SERVICES) {
      expect(environment(service(name)).MONGODB_URI).toContain(`replicaSet=${replicaSet}`);
    }
  });

  it('only depends on services that exist, and waits for health only where a healthcheck is defined', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [dependency, condition] of dependencies(s)) {
        expect(Object.keys(services), `${name} depends on ${dependency}`).toContain(dependency);
        if (condition === 'service_healthy') expect(services[dependency].healthcheck, `${dependency} healthcheck`).toBeDefined();
      }
    }
  });

  it('starts the api and the worker only after Temporal, MongoDB and mail are up', () => {
    for (const name of APP_SERVICES) {
      const waitsFor = dependsOnTransitively(name);
      for (const dependency of ['temporal', 'temporal-postgresql', 'mongodb', 'mailpit']) {
        expect([...waitsFor], `${name} waits for ${dependency}`).toContain(dependency);
      }
    }
  });

  it('registers every search attribute the workflows set, before the app starts', () => {
    const registrars = Object.entries(services).filter(([, s]) =>
      `${asText(s.entrypoint)} ${asText(s.command)}`.includes('search-attribute create'),
    );
    expect(registrars.length).toBeGreaterThan(0);
    const script = registrars.map(([, s]) => asText(s.command)).join('\n');
    expect(Object.keys(SEARCH_ATTRIBUTES).length).toBeGreaterThan(0);
    for (const [attribute, type] of Object.entries(SEARCH_ATTRIBUTES)) {
      expect(script, `${attribute} ${type}`).toMatch(new RegExp(`\\b${attribute}\\s+${type}\\b`));
    }
    for (const name of APP_SERVICES) {
      for (const [registrar] of registrars) expect([...dependsOnTransitively(name)]).toContain(registrar);
    }
  });

  it('keeps passwords out of the file: they come from the environment (required, or empty when the feature is optional)', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [variable, value] of Object.entries(environment(s))) {
        if (/PASSWORD|PWD|SECRET|TOKEN/.test(variable)) expect(value, `${name} ${variable}`).toMatch(/^\$\{\w+(:\?|:-\}$)/);
      }
    }
  });

  it('lets the api take every single sign-on and logging variable, and the worker its log level', () => {
    const api = environment(service('api'));
    for (const variable of CONFIG_VARIABLES.filter((v) => v.startsWith('OIDC_'))) expect(Object.keys(api), variable).toContain(variable);
    for (const name of APP_SERVICES) expect(Object.keys(environment(service(name))), `${name} LOG_LEVEL`).toContain('LOG_LEVEL');
  });

  it('declares every named volume it mounts', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const mount of s.volumes ?? []) {
        const source = typeof mount === 'string' ? mount.split(':')[0] : (mount.source ?? '');
        if (source && !/^[./~$]/.test(source)) expect(Object.keys(compose.volumes ?? {}), `${name} ${source}`).toContain(source);
      }
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = existsSync(repoPath('Dockerfile')) ? readRepoFile('Dockerfile') : '';
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stageStarts = instructions.flatMap((line, index) => (/^FROM\s/i.test(line) ? [index] : []));
  const finalStage = instructions.slice(stageStarts.at(-1) ?? instructions.length);

  it('builds on Node 20 bookworm-slim', () => {
    expect(instructions.filter((line) => /^FROM\s/i.test(line)).every((line) => /node:20-bookworm-slim/.test(line))).toBe(true);
    expect(finalStage.length).toBeGreaterThan(0);
  });

  it('installs from the lockfile with npm ci, copying the lockfile first', () => {
    const copiesLockfile = instructions.findIndex((line) => /^COPY\s.*package-lock\.json/i.test(line));
    const runsNpmCi = instructions.findIndex((line) => /^RUN\s.*\bnpm ci\b/i.test(line));
    expect(copiesLockfile).toBeGreaterThanOrEqual(0);
    expect(runsNpmCi).toBeGreaterThan(copiesLockfile);
  });

  it('builds the console', () => {
    expect(instructions.some((line) => /^RUN\s.*npm run build:admin/i.test(line))).toBe(true);
  });

  it('runs as a non-root user and bakes in no secrets', () => {
    const user = finalStage.filter((line) => /^USER\s/i.test(line)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i);
    expect(instructions.filter((line) => /^(ENV|ARG)\s/i.test(line)).join('\n')).not.toMatch(/PASSWORD|SECRET|TOKEN/i);
  });

  it('keeps local state and build output out of the build context', () => {
    const ignored = existsSync(repoPath('.dockerignore')) ? readRepoFile('.dockerignore').split('\n').map((l) => l.trim()) : [];
    for (const entry of ['node_modules', '.tools', '.data', 'admin/dist', '.git']) expect(ignored).toContain(entry);
  });
});
