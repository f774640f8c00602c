import { z } from "zod";
import { MAX_BATCH_ROWS, MAX_BODY_BYTES, type BatchSpec } from "@/server/http/batch-request";
import { validateRows, type RowError } from "@/server/lib/batch";
import type { ApiOperation } from "./operation";
import { describing } from "./same-type";

/** One rejected row of a batch answer: `RowError` (server/lib/batch.ts). */
const rowError = describing<RowError>()(
  z
    .object({
      index: z
        .number()
        .int()
        .min(0)
        .max(MAX_BATCH_ROWS - 1)
        .meta({ description: "The row's position in the array, from 0." }),
      field: z.string().meta({
        description:
          "The field refused, dotted when nested (`subscription.endpoint`); `(row)` for the row as a whole.",
      }),
      reason: z.string().meta({ description: "Why, in words." }),
    })
    .meta({ id: "RowError" }),
);

/** A batch endpoint's answer: the counts its `store` returns, then every rejected row. */
export function batchAnswer<C extends string>(counts: Record<C, string>) {
  const shape = Object.fromEntries(
    Object.entries<string>(counts).map(([name, description]) => [
      name,
      z.number().int().min(0).max(MAX_BATCH_ROWS).meta({ description }),
    ]),
  ) as Record<C, z.ZodNumber>;
  return z.object({
    ...shape,
    errors: z.array(rowError).meta({
      description:
        "Every rejected row, in row order (a row may have several); empty when none was.",
    }),
  });
}

type Rows<S extends z.ZodType<{ externalId: string }>> = Pick<
  BatchSpec<S>,
  "key" | "scope" | "schema"
>;

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

/**
 * The entry of a batch endpoint (`runBatch`): the envelope `{ "<key>": [rows] }` around the
 * endpoint's own row schema, its limits and answers. Its examples are run through the row schema,
 * so the refused row's `errors` are the ones the endpoint answers.
 */
export function batchOperation<S extends z.ZodType<{ externalId: string }>>(
  rows: Rows<S>,
  now: Date,
  entry: Pick<ApiOperation, "path" | "operationId" | "summary" | "description"> & {
    answer: z.ZodType<{ errors: RowError[] }>;
    /** Valid rows, for the request example. */
    example: unknown[];
    /** A row the endpoint refuses, for the answer's second example. */
    refused: unknown;
    /** The answer's counts when `stored` rows of an example are stored. */
    counts: (stored: number) => Record<string, number>;
  },
): ApiOperation {
  const { key, scope } = rows;
  const schema = rows.schema(now);
  const withRefused = [entry.example[0], entry.refused];
  return {
    method: "post",
    path: entry.path,
    operationId: entry.operationId,
    summary: entry.summary,
    description:
      `${entry.description}\n\n` +
      "Each row is checked on its own: the valid rows are stored, and each refused row is " +
      "reported in `errors` with its `index`, `field` and `reason`; a row repeating an earlier " +
      "row's `externalId` is refused. Text is trimmed and refuses control characters; times carry " +
      "their zone and lie between 1970 and now (5 minutes of clock skew allowed).",
    scope,
    body: {
      description: `\`{ "${key}": [...] }\`: 1 to ${MAX_BATCH_ROWS.toLocaleString("en-US")} rows, at most ${megabytes(MAX_BODY_BYTES)} of JSON.`,
      schema: z.object({
        [key]: z.array(schema).min(1).max(MAX_BATCH_ROWS).meta({ description: "The rows." }),
      }),
      example: { [key]: entry.example },
      maxBytes: MAX_BODY_BYTES,
    },
    success: {
      status: 200,
      description: "What was stored, and every refused row.",
      schema: entry.answer,
      examples: [
        {
          summary: "Every row stored",
          value: { ...entry.counts(entry.example.length), errors: [] },
        },
        {
          summary: `The first row stored, this one refused: \`${JSON.stringify(entry.refused)}\``,
          value: {
            ...entry.counts(1),
            errors: validateRows(withRefused, schema).errors,
          },
        },
      ],
    },
    errors: {
      400: `The body is not JSON, or not an object with a non-empty array \`${key}\`.`,
      401: "The key is missing, unknown, revoked or expired.",
      403: `The key lacks the \`${scope}\` scope.`,
      413: `More than ${MAX_BATCH_ROWS.toLocaleString("en-US")} rows, or a body over ${megabytes(MAX_BODY_BYTES)}.`,
      415: "The body is not sent as `Content-Type: application/json`.",
      429: "Rate limited: wait the `Retry-After` header's seconds, then retry.",
      500: "The batch was not stored: retry it (rows already stored are not stored twice).",
    },
  };
}
