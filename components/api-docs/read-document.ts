import type { OpenApiDocument } from "@/server/openapi/document";
import type { JsonSchema, Resolve } from "./schema-fields";

/** One operation of the document, as the docs page lays it out. */
export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  /** The API key scope it needs (`x-required-scope`); null when it takes no key. */
  scope: string | null;
  /** The query parameters as one object schema (a field table), and their example values. */
  query: { schema: JsonSchema; example: Record<string, string> } | null;
  body: { description: string; schema: JsonSchema; example: unknown } | null;
  success: {
    status: string;
    description: string;
    schema: JsonSchema;
    examples: { summary: string; value: unknown }[];
  } | null;
  errors: { status: string; code: string; description: string; headers: [string, string][] }[];
};

export type DocumentView = {
  title: string;
  description: string;
  serverUrl: string;
  auth: string;
  operations: OperationView[];
  resolve: Resolve;
};

type Media = {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { summary?: string; value?: unknown }>;
};
type Response = {
  description: string;
  content?: Record<string, Media>;
  headers?: Record<string, { description?: string }>;
};
type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  example?: unknown;
};
type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  summary?: string;
  description?: string;
  "x-required-scope"?: string;
  requestBody?: { description?: string; content: Record<string, Media> };
  responses?: Record<string, Response>;
};

const json = (content: Record<string, Media> | undefined) => content?.["application/json"];

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** Query parameters read as the fields of one object, so they show as a field table. */
function queryOf(parameters: Parameter[] = []): OperationView["query"] {
  const query = parameters.filter((p) => p.in === "query");
  if (query.length === 0) return null;
  return {
    schema: {
      type: "object",
      properties: Object.fromEntries(
        query.map((p) => [
          p.name,
          { ...p.schema, description: p.description ?? p.schema?.description },
        ]),
      ),
      required: query.filter((p) => p.required).map((p) => p.name),
    },
    example: Object.fromEntries(
      query.flatMap((p) => (p.example === undefined ? [] : [[p.name, text(p.example)]])),
    ),
  };
}

/**
 * The generated document read for the docs page: everything it shows comes from here, so the page
 * says what `/api/v1/openapi.json` says.
 */
export function readDocument(document: OpenApiDocument): DocumentView {
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const resolve: Resolve = (ref) => {
    const schema = schemas[ref.replace(/^#\/components\/schemas\//, "")];
    if (!schema) throw new Error(`The document has no schema ${ref}`);
    return schema;
  };
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]): OperationView => {
      const responses = Object.entries(op.responses ?? {});
      const success = responses.find(([status]) => status.startsWith("2"));
      const successMedia = success && json(success[1].content);
      const body = json(op.requestBody?.content);
      return {
        id: op.operationId ?? `${method}-${path}`,
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        description: op.description ?? "",
        scope: op["x-required-scope"] ?? null,
        query: queryOf(op.parameters),
        body: body?.schema
          ? {
              description: op.requestBody?.description ?? "",
              schema: body.schema,
              example: body.example,
            }
          : null,
        success:
          success && successMedia?.schema
            ? {
                status: success[0],
                description: success[1].description,
                schema: successMedia.schema,
                examples: Object.values(successMedia.examples ?? {}).map((e) => ({
                  summary: e.summary ?? "",
                  value: e.value,
                })),
              }
            : null,
        errors: responses
          .filter(([status]) => !status.startsWith("2"))
          .map(([status, response]) => {
            const schema = json(response.content)?.schema;
            const body = schema?.$ref ? resolve(schema.$ref) : schema;
            const code = body?.properties?.error?.properties?.code?.const;
            return {
              status,
              code: typeof code === "string" ? code : "",
              description: response.description,
              headers: Object.entries(response.headers ?? {}).map(
                ([name, header]): [string, string] => [name, header.description ?? ""],
              ),
            };
          }),
      };
    }),
  );
  const schemes = Object.values(document.components?.securitySchemes ?? {}) as {
    description?: string;
  }[];
  return {
    title: document.info.title,
    description: document.info.description ?? "",
    serverUrl: document.servers?.[0]?.url ?? "",
    auth: schemes[0]?.description ?? "",
    operations,
    resolve,
  };
}
