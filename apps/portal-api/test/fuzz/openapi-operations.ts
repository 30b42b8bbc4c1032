import type { JsonSchema } from './schema-arbitrary';

export type WriteOperation = {
  id: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. /api/v1/projects/{projectId}/servers */
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
};

type OpenApiOperation = {
  operationId?: string;
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const WRITES = ['post', 'put', 'patch', 'delete'] as const;

/** Every write operation of the generated OpenAPI document. */
export const writeOperationsOf = (doc: OpenApiDocument): WriteOperation[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    WRITES.flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const body = content['application/json']?.schema ?? null;
      return [
        {
          id: op.operationId ?? `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase() as WriteOperation['method'],
          path,
          pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
          query: params
            .filter((p) => p.in === 'query')
            .map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
          body,
        },
      ];
    }),
  );

/** Resolve `#/components/schemas/Name` in the document. */
export const resolverOf =
  (doc: OpenApiDocument) =>
  (ref: string): JsonSchema => {
    const name = ref.replace('#/components/schemas/', '');
    const found = doc.components?.schemas?.[name];
    if (!found) throw new Error(`unresolved $ref ${ref}`);
    return found;
  };
