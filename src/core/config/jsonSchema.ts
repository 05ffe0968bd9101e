// A small validator for the JSON Schema (draft-07) subset the configuration uses: type, enum,
// properties, additionalProperties, required, items (one schema or a tuple), minItems/maxItems,
// minimum/maximum, anyOf/oneOf. It exists so the product bundles need no schema library; the unit
// tests check it against Ajv on the real schema.

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** The JSON Schema keywords this project writes (plus annotations VS Code reads). */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  default?: unknown;
  type?: JsonType | JsonType[];
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: readonly string[];
  items?: JsonSchema | JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** A path into a value: property names and array indexes. */
export type JsonPath = Array<string | number>;

export interface SchemaError {
  path: JsonPath;
  /** What is wrong, without the path: `must be a whole number ≥ 0`. */
  message: string;
  /** Set when the path names a property that the schema does not allow. */
  unknownKey?: boolean;
  /** Set when the path names a required property that is absent. */
  missing?: boolean;
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function typeMatches(value: unknown, type: JsonType): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const typeWords: Record<JsonType, string> = {
  string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'a mapping', array: 'a list', null: 'empty',
};

/** What a schema expects, in words: `a whole number from 1 to 20`, `one of off, info, warning, error`. */
export function expectation(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.length === 1 ? JSON.stringify(schema.enum[0]) : `one of ${schema.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(expectation).join(' or ');
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  let words = types.map((t) => typeWords[t]).join(' or ') || 'a value';
  const { minimum: lo, maximum: hi } = schema;
  if (lo !== undefined && hi !== undefined) words += ` from ${lo} to ${hi}`;
  else if (lo !== undefined) words += ` ≥ ${lo}`;
  else if (hi !== undefined) words += ` ≤ ${hi}`;
  if (types.includes('array') && schema.items && !Array.isArray(schema.items)) words += ` of ${expectation(schema.items)}`;
  if (types.includes('object') && typeof schema.additionalProperties === 'object') words += ` to ${expectation(schema.additionalProperties)}`;
  return words;
}

/** Checks `value` against `schema`; returns every error found, each with its path. Never throws. */
export function validateSchema(value: unknown, schema: JsonSchema, path: JsonPath = []): SchemaError[] {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const results = alternatives.map((s) => validateSchema(value, s, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (schema.anyOf ? passing > 0 : passing === 1) return [];
    if (passing > 1) return [{ path, message: `must match exactly one of: ${expectation(schema)}` }];
    // Explain through the one alternative of the value's type, when there is exactly one.
    const sameType = alternatives.flatMap((s, i) => (s.type !== undefined && [s.type].flat().some((t) => typeMatches(value, t)) ? [i] : []));
    if (sameType.length === 1) return results[sameType[0]!]!;
    return [{ path, message: `must be ${expectation(schema)}` }];
  }
  if (schema.type !== undefined && ![schema.type].flat().some((t) => typeMatches(value, t))) return [{ path, message: `must be ${expectation(schema)}` }];
  if (schema.enum && !schema.enum.some((v) => v === value)) return [{ path, message: `must be ${expectation(schema)}` }];
  if (typeof value === 'number' && ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum))) {
    return [{ path, message: `must be ${expectation(schema)}` }];
  }
  const errors: SchemaError[] = [];
  if (Array.isArray(value)) {
    if ((schema.minItems !== undefined && value.length < schema.minItems) || (schema.maxItems !== undefined && value.length > schema.maxItems)) {
      const { minItems: lo = 0, maxItems: hi } = schema;
      return [{ path, message: `must be a list of ${hi === undefined ? `at least ${lo}` : lo === hi ? `${lo}` : `${lo} to ${hi}`} entries` }];
    }
    value.forEach((item, i) => {
      const itemSchema = Array.isArray(schema.items) ? schema.items[i] : schema.items;
      if (itemSchema) errors.push(...validateSchema(item, itemSchema, [...path, i]));
    });
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!Object.hasOwn(object, key)) errors.push({ path: [...path, key], message: 'is required', missing: true });
    for (const [key, v] of Object.entries(object)) {
      const own = schema.properties?.[key];
      if (own) errors.push(...validateSchema(v, own, [...path, key]));
      else if (schema.additionalProperties === false) errors.push({ path: [...path, key], message: 'is not a known key', unknownKey: true });
      else if (typeof schema.additionalProperties === 'object') errors.push(...validateSchema(v, schema.additionalProperties, [...path, key]));
    }
  }
  return errors;
}
