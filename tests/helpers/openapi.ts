// Checks answers against the OpenAPI document the API serves: finds the operation for a method
// and a concrete path, the response for the status, and validates the JSON body (JSON Schema
// 2020-12, as OpenAPI 3.1 uses) with ajv.
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Express } from 'express';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

export interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: unknown;
}

type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components?: unknown };

const matches = (template: string, path: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path.split('?')[0]);

/** The operation of `doc` that a method and concrete path reach, with its template. */
export function operationFor(doc: Document, method: string, path: string) {
  for (const [template, operations] of Object.entries(doc.paths)) {
    if (matches(template, path) && operations[method.toLowerCase()]) return { template, operation: operations[method.toLowerCase()] };
  }
  return null;
}

export function createResponseChecker(doc: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const compiled = new Map<unknown, ValidateFunction>();
  const validatorOf = (schema: unknown) => {
    if (!compiled.has(schema)) compiled.set(schema, ajv.compile({ ...(schema as object), components: doc.components }));
    return compiled.get(schema)!;
  };
  /** What is wrong with the answer by the document; null when it fits. */
  return (exchange: Exchange): string | null => {
    const found = operationFor(doc, exchange.method, exchange.path);
    // 405: the path is described, the method is not offered there (OpenAPI says so by leaving it out).
    if (!found && exchange.status === 405 && Object.keys(doc.paths).some((template) => matches(template, exchange.path))) return null;
    if (!found) return `${exchange.method} ${exchange.path}: no operation in the document`;
    const { responses } = found.operation;
    const response = responses[String(exchange.status)] ?? responses[`${String(exchange.status)[0]}XX`] ?? responses.default;
    if (!response) return `${exchange.method} ${found.template} → ${exchange.status}: status not described`;
    if (!response.content) return null;
    const mediaType = exchange.contentType.split(';')[0].trim();
    const media = response.content[mediaType];
    if (!media) return `${exchange.method} ${found.template} → ${exchange.status}: ${mediaType} not described (${Object.keys(response.content).join(', ')})`;
    if (mediaType !== 'application/json') return null;
    const validate = validatorOf(media.schema);
    if (validate(exchange.body)) return null;
    return `${exchange.method} ${found.template} → ${exchange.status}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
  };
}

/** The OpenAPI 3.1 meta-schema check of the document itself (its schemas against JSON Schema 2020-12 too). */
export async function documentProblems(doc: unknown): Promise<string | null> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc) as never);
  if (validator.version !== '3.1') return `validated as OpenAPI ${validator.version}, not 3.1`;
  return result.valid ? null : JSON.stringify(result.errors).slice(0, 4000);
}

/** Every route the Express app answers: method and path with `{param}`s, as OpenAPI writes them. */
export function routesOf(app: Express): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
          const path = `${prefix}${layer.route.path === '/' ? '' : layer.route.path}` || '/';
          found.push({ method: method.toUpperCase(), path: path.replace(/:(\w+)/g, '{$1}') });
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, `${prefix}${mount}`);
      }
    }
  };
  walk((app as any).router.stack, '');
  const unique = new Map(found.map((r) => [`${r.method} ${r.path}`, r]));
  return [...unique.values()];
}
