import { z } from 'zod';
import type { ApiRoute } from './defineRoute';

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), in: z.string(), message: z.string() })).optional(),
  }),
});

/** OpenAPI 3.1 from the same zod schemas that validate the requests (JSON Schema 2020-12). */
export function buildOpenApi(routes: readonly ApiRoute[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.auth === 'required' ? {} : { security: [] }),
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      ...(route.rawBodyType
        ? {
            requestBody: {
              required: false,
              content: { [route.rawBodyType]: { schema: { contentMediaType: route.rawBodyType } } },
            },
          }
        : {}),
      responses: {
        [String(route.status)]: route.response
          ? {
              description: 'OK',
              content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
            }
          : { description: 'OK' },
        default: {
          description: 'Error (stable `code`, human `message`, field errors on 400)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Balcão API', version: info.version },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'balcao_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json: Record<string, unknown> = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  delete json.$schema;
  return json;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as {
    properties?: Record<string, unknown>;
    required?: string[];
    additionalProperties?: { title?: string; description?: string } & Record<string, unknown>;
  };
  const named = Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
  // Parameters of free names (a catch-all titled after them, e.g. the inbox's `var.{name}`):
  // OpenAPI 3.1 describes them as one exploded form object.
  const free = json.additionalProperties;
  if (typeof free !== 'object' || !free.title) return named;
  const { title, description, ...value } = free;
  return [
    ...named,
    {
      name: title,
      in: where,
      required: false,
      ...(description ? { description } : {}),
      style: 'form',
      explode: true,
      schema: { type: 'object', additionalProperties: value },
    },
  ];
}
