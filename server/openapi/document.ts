/*
 * The integration API's OpenAPI 3.1 document, built with zod-openapi from the zod schemas the
 * endpoints validate with. zod-openapi rather than zod's own `z.toJSONSchema`: it converts each
 * schema with that same function (OpenAPI 3.1 schemas are JSON Schema 2020-12), and adds what a
 * document needs around it — request bodies read as input and answers as output, shared
 * components and their `$ref`s, typed operation objects — which we would otherwise write by hand.
 */
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import { errorResponse, type ErrorStatus } from "./errors";
import type { ApiOperation } from "./operation";
import { addRefusalReasons } from "./reasons";

export type OpenApiDocument = ReturnType<typeof createDocument>;

/** The security scheme every keyed operation names. */
export const API_KEY_SCHEME = "apiKey";

/** The extension that names the scope an operation needs. */
export const REQUIRED_SCOPE = "x-required-scope";

function operationObject(op: ApiOperation): ZodOpenApiOperationObject {
  const scopeNote = op.scope ? `\n\nNeeds an API key with the \`${op.scope}\` scope.` : "";
  const errors = Object.entries(op.errors).map(
    ([status, description]): [string, ZodOpenApiResponseObject] => [
      status,
      errorResponse(Number(status) as ErrorStatus, description),
    ],
  );
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description + scopeNote,
    // In OpenAPI 3.1 a bearer scheme's requirement may list the roles it needs: the scope.
    security: op.scope ? [{ [API_KEY_SCHEME]: [op.scope] }] : [],
    ...(op.scope && { [REQUIRED_SCOPE]: op.scope }),
    ...(op.query && { requestParams: { query: op.query.schema } }),
    ...(op.body && {
      requestBody: {
        required: true,
        description: op.body.description,
        content: {
          "application/json": { schema: op.body.schema, example: op.body.example },
        },
        ...(op.body.maxBytes && { "x-max-bytes": op.body.maxBytes }),
      },
    }),
    responses: {
      [op.success.status]: {
        description: op.success.description,
        content: {
          "application/json": {
            schema: op.success.schema,
            examples: Object.fromEntries(
              op.success.examples.map((example, i) => [`example${i + 1}`, example]),
            ),
          },
        },
      },
      ...Object.fromEntries(errors),
    },
  };
}

/** The document for these operations, served from `serverUrl` (the app's `NEXTAUTH_URL`). */
export function openApiDocument(operations: ApiOperation[], serverUrl: string): OpenApiDocument {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op);
  const document = createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Rekindle integration API",
        version: "1",
        description:
          "Send Rekindle your contacts, their activity, your exercise catalog and browsers' push " +
          "subscriptions. An owner creates API keys on the API keys page; a key is shown once " +
          "and carries the scopes it was given.",
      },
      // "https://host/" + "/api/…" would make a double slash.
      servers: [{ url: serverUrl.replace(/\/+$/, "") }],
      components: {
        securitySchemes: {
          [API_KEY_SCHEME]: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "rk_…",
            description: "An API key: `Authorization: Bearer rk_…`.",
          },
        },
      },
      paths,
    },
    { override: addRefusalReasons },
  );
  for (const op of operations) addQueryExample(document, op);
  return document;
}

/** Each query parameter zod-openapi made from the query schema, with its value in the example. */
function addQueryExample(document: OpenApiDocument, op: ApiOperation) {
  const example = op.query?.example ?? {};
  const parameters = document.paths?.[op.path]?.[op.method]?.parameters ?? [];
  for (const parameter of parameters) {
    if ("name" in parameter && parameter.name in example)
      parameter.example = example[parameter.name];
  }
}
