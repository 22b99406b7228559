import fc from 'fast-check';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  $ref?: string;
};

export interface OpenApiOperation {
  method: string;
  /** The OpenAPI path, e.g. `/api/me/tokens/{id}`. */
  path: string;
  auth: boolean;
  body?: JsonSchema;
}

/** Every operation of a served OpenAPI document, so a new route is fuzzed without listing it. */
export function openApiOperations(doc: {
  paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>;
}): OpenApiOperation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => {
      const body = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> })
        ?.content?.['application/json']?.schema;
      return {
        method: method.toUpperCase(),
        path,
        auth: !(Array.isArray(op.security) && op.security.length === 0),
        ...(body ? { body } : {}),
      };
    }),
  );
}

/** A path with every `{param}` filled by the arbitrary's strings (URL-encoded). */
export function pathArbitrary(path: string): fc.Arbitrary<string> {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return fc
    .tuple(...names.map(() => fc.oneof(fc.string(), fc.uuid(), fc.integer().map(String))))
    .map((values) =>
      names.reduce((p, name, i) => p.replace(`{${name}}`, encodeURIComponent(values[i]!)), path),
    );
}

/** Bodies near the schema (right shape, random values) and far from it (any JSON at all). */
export function bodyArbitrary(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return schema
    ? fc.oneof(valueOf(schema, 0), fc.jsonValue({ maxDepth: 3 }))
    : fc.jsonValue({ maxDepth: 3 });
}

function valueOf(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const noise = fc.jsonValue({ maxDepth: 1 });
  if (depth > 4) return noise;
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), noise);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      return fc.record(
        Object.fromEntries(props.map(([name, s]) => [name, valueOf(s, depth + 1)])),
        { requiredKeys: [] },
      );
    }
    case 'array':
      return fc.array(valueOf(schema.items ?? {}, depth + 1), { maxLength: 4 });
    case 'string':
      return fc.oneof(
        fc.string({ maxLength: (schema.maxLength ?? 40) + 2 }),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        noise,
      );
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer(), fc.double(), noise);
    case 'boolean':
      return fc.oneof(fc.boolean(), noise);
    default:
      return noise;
  }
}
