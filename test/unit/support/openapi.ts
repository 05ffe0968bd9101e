/**
 * Checks HTTP exchanges against GitHub's published OpenAPI description (`@octokit/openapi`), so that
 * the fake GitHub of the sync tests cannot drift from the real API: a request our client builds
 * wrongly, or a response the fake builds unlike GitHub's, is reported as a violation.
 *
 * The description is 70 MB; it is read once, on first use, and each schema is compiled once.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../root';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonObject }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonObject }> }>;
}

interface Description {
  paths: Record<string, Record<string, Operation | Parameter[]>>;
}

/** An operation found for a request: its path template and what the description says of it. */
export interface FoundOperation {
  template: string;
  method: string;
  operation: Operation;
  pathParams: Record<string, string>;
}

export interface Exchange {
  method: string;
  /** The API path, without the base URL's own path (`/api/v3`) and without the query. */
  path: string;
  query: URLSearchParams;
  /** The parsed JSON request body, or undefined when the request had none. */
  body?: unknown;
}

/** How long reading and parsing the description took, for the report. */
export const loadTiming = { ms: 0 };

let description: Description | undefined;
let templates: Array<{ template: string; segments: string[] }> | undefined;
const validators = new Map<string, ValidateFunction>();
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
// The formats the issue schemas use; others are ignored (strict: false).
ajv.addFormat('date-time', (text: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(text));
ajv.addFormat('uri', (text: string) => URL.canParse(text));
ajv.addFormat('uri-template', () => true);
ajv.addFormat('email', (text: string) => text.includes('@'));

function load(): Description {
  if (!description) {
    const started = performance.now();
    const file = join(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.deref.json');
    description = JSON.parse(readFileSync(file, 'utf8')) as Description;
    loadTiming.ms = performance.now() - started;
  }
  return description;
}

/**
 * The operation a request is for. A literal segment beats a `{parameter}` one, so that
 * `/repos/{owner}/{repo}/issues` wins over any template that would read `issues` as a parameter.
 */
export function findOperation(method: string, path: string): FoundOperation | undefined {
  const spec = load();
  templates ??= Object.keys(spec.paths).map((template) => ({ template, segments: template.split('/') }));
  const parts = path.split('/');
  let best: { template: string; literals: number; params: Record<string, string> } | undefined;
  for (const { template, segments } of templates) {
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const matches = segments.every((segment, i) => {
      const part = parts[i]!;
      if (segment.startsWith('{') && segment.endsWith('}')) {
        params[segment.slice(1, -1)] = decodeURIComponent(part);
        return part !== '';
      }
      literals++;
      return segment === part;
    });
    const operation = spec.paths[template]![method.toLowerCase()];
    if (matches && operation && (!best || literals > best.literals)) best = { template, literals, params };
  }
  if (!best) return undefined;
  const item = spec.paths[best.template]!;
  const operation = item[method.toLowerCase()] as Operation;
  // Parameters may be declared for the whole path as well as for the operation.
  const shared = Array.isArray(item.parameters) ? item.parameters : [];
  return { template: best.template, method: method.toUpperCase(), operation: { ...operation, parameters: [...shared, ...(operation.parameters ?? [])] }, pathParams: best.params };
}

/**
 * OpenAPI 3.0 schema → JSON Schema for ajv: `nullable: true` becomes "this, or null" (ajv's own
 * `nullable` support refuses a `nullable` without a `type`, which GitHub's `oneOf`s have), and the
 * `example`s, which are data rather than schema, are dropped.
 */
export function toJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if ((key === 'properties' || key === 'patternProperties') && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub)]));
    } else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(key)) {
      out[key] = toJsonSchema(value);
    } else {
      out[key] = value;
    }
  }
  return schema.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function validator(key: string, schema: JsonObject): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema) as object);
    validators.set(key, validate);
  }
  return validate;
}

function problems(validate: ValidateFunction, data: unknown, what: string): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).slice(0, 8).map((e) => `${what}: ${e.instancePath || '(root)'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/** A query parameter's text as the type its schema says, the way GitHub reads it. */
function queryValue(text: string, schema: JsonObject | undefined): unknown {
  const type = schema?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if (type === 'array') return text.split(',');
  return text;
}

/** What is wrong with a request, by the description; empty when it is a request GitHub documents. */
export function requestViolations(exchange: Exchange): string[] {
  const found = findOperation(exchange.method, exchange.path);
  if (!found) return [`${exchange.method} ${exchange.path}: no such operation in GitHub's OpenAPI description`];
  const { operation, template } = found;
  const name = `${found.method} ${template}`;
  const out: string[] = [];
  const parameters = operation.parameters ?? [];
  for (const p of parameters.filter((p) => p.in === 'path')) {
    const value = found.pathParams[p.name];
    if (value !== undefined && p.schema) out.push(...problems(validator(`${name} path ${p.name}`, p.schema), queryValue(value, p.schema), `${name} path parameter ${p.name}`));
  }
  const query = parameters.filter((p) => p.in === 'query');
  for (const key of new Set(exchange.query.keys())) {
    const p = query.find((q) => q.name === key);
    if (!p) {
      out.push(`${name}: query parameter "${key}" is not documented`);
      continue;
    }
    if (p.schema) out.push(...problems(validator(`${name} query ${key}`, p.schema), queryValue(exchange.query.get(key)!, p.schema), `${name} query parameter ${key}`));
  }
  for (const p of query.filter((p) => p.required && !exchange.query.has(p.name))) out.push(`${name}: required query parameter "${p.name}" missing`);
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  if (exchange.body === undefined) {
    if (operation.requestBody?.required) out.push(`${name}: request body required`);
  } else if (!bodySchema) {
    out.push(`${name}: sent a JSON body, which the operation does not take`);
  } else {
    out.push(...problems(validator(`${name} request`, bodySchema), exchange.body, `${name} request body`));
  }
  return out;
}

/**
 * GitHub answers any authenticated request with 401 (bad credentials) or a rate limit (403, 429),
 * whether or not an operation lists those statuses; such a response is checked against the
 * description's "Basic Error" schema, which is what GitHub sends for them.
 */
const ANY_OPERATION_STATUSES = new Set(['401', '403', '429']);

function basicErrorSchema(): JsonObject {
  const found = findOperation('GET', '/repos/{owner}/{repo}/issues/{issue_number}');
  const schema = found?.operation.responses['404']?.content?.['application/json']?.schema;
  if (!schema || schema.title !== 'Basic Error') throw new Error('the OpenAPI description has no Basic Error schema where expected');
  return schema;
}

/** What is wrong with a response to a request, by the description. */
export function responseViolations(exchange: Exchange, status: number, body: unknown): string[] {
  const found = findOperation(exchange.method, exchange.path);
  if (!found) return [`${exchange.method} ${exchange.path}: no such operation in GitHub's OpenAPI description`];
  const name = `${found.method} ${found.template}`;
  const documented = found.operation.responses[String(status)];
  if (!documented) {
    if (ANY_OPERATION_STATUSES.has(String(status))) return problems(validator('basic-error', basicErrorSchema()), body, `${name} ${status} response`);
    return [`${name}: status ${status} is not a documented response`];
  }
  const schema = documented.content?.['application/json']?.schema;
  if (!schema) return body === undefined || body === '' ? [] : [`${name} ${status}: documented without a body, but one was sent`];
  return problems(validator(`${name} ${status} response`, schema), body, `${name} ${status} response`);
}
