import type { JsonPath, JsonSchema, SchemaError } from './jsonSchema';
import { validateSchema } from './jsonSchema';

/** The key path of a config error as users write it: `rules.action-overdue.graceDays`, `priorities[1]`. */
export function keyPath(path: JsonPath): string {
  // Inside `rules.<id>: [severity, options]` the tuple index says nothing a user needs.
  const p = path[0] === 'rules' && typeof path[2] === 'number' ? [...path.slice(0, 2), ...path.slice(3)] : path;
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** One sentence per error, naming the key path. */
export function errorMessage(error: SchemaError): string {
  const path = error.path;
  if (!error.unknownKey) return path.length === 0 ? `The configuration ${error.message}` : `${keyPath(path)} ${error.message}`;
  const key = String(path[path.length - 1]);
  const parent = keyPath(path.slice(0, -1));
  if (path.length === 1) return `Unknown key "${key}"`;
  if (path.length === 2 && path[0] === 'rules') return `Unknown rule "${key}" in rules`;
  if (path[0] === 'rules' && path[2] === 1) return `Unknown option "${key}" in ${parent}`;
  return `Unknown key "${key}" in ${parent}`;
}

const DROPPED = Symbol('dropped');

/**
 * Validates `data` against `schema` and returns a copy without the parts that failed: a bad
 * value goes with its key (or, in a list, with its entry), so the rest of the config still applies.
 */
export function validateAndPrune(data: Record<string, unknown>, schema: JsonSchema): { value: Record<string, unknown>; errors: SchemaError[] } {
  const errors = validateSchema(data, schema);
  if (errors.length === 0) return { value: data, errors };
  const value = structuredClone(data);
  for (const error of errors) {
    // Walk up from the error to the nearest mapping key, or list entry outside a rule's tuple.
    for (let n = error.path.length - (error.missing ? 1 : 0); n >= 1; n--) {
      const parent = getAt(value, error.path.slice(0, n - 1));
      const key = error.path[n - 1]!;
      if (Array.isArray(parent) && typeof key === 'number' && error.path[0] !== 'rules') {
        parent[key] = DROPPED;
        break;
      }
      if (parent && typeof parent === 'object' && !Array.isArray(parent) && typeof key === 'string') {
        delete (parent as Record<string, unknown>)[key];
        break;
      }
    }
  }
  return { value: removeDropped(value) as Record<string, unknown>, errors };
}

function getAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

function removeDropped(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== DROPPED).map(removeDropped);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, removeDropped(v)]));
  return value;
}
