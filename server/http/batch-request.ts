import { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/db/runtime";
import type { ApiKeyScope } from "@/server/api-keys/scopes";
import { rejectDuplicateKeys, validateRows, type RowError } from "@/server/lib/batch";
import { authorizeApiKey } from "./api-key-auth";
import { apiError } from "./json";

export const MAX_BATCH_ROWS = 1_000;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type BatchContext = { db: Db; tenantId: string; now: Date };

type Stored = { errors: RowError[] } & { [count: string]: number | RowError[] };

export type BatchSpec<S extends z.ZodType<{ externalId: string }>> = {
  /** The body's array, e.g. `contacts` in `{ "contacts": [...] }`. */
  key: string;
  /** What the API key must be allowed to do. */
  scope: ApiKeyScope;
  /** The row schema at the request's instant: instants are bounded by `now`. */
  schema: (now: Date) => S;
  store: (ctx: BatchContext, rows: { index: number; value: z.infer<S> }[]) => Promise<Stored>;
};

/** A route handler for a batch endpoint, on the process's database and clock. */
export function batchRoute<S extends z.ZodType<{ externalId: string }>>(spec: BatchSpec<S>) {
  return async (request: Request) => runBatch(await getDb(), request, spec, new Date());
}

/**
 * Answers one batch request: API key with the endpoint's scope → tenant, size limits, JSON, envelope; then each row is
 * validated on its own, a row repeating an earlier row's `externalId` is rejected, the valid
 * rows are stored, and every rejected row is reported with its index, field and reason.
 */
export async function runBatch<S extends z.ZodType<{ externalId: string }>>(
  db: Db,
  request: Request,
  spec: BatchSpec<S>,
  now: Date,
): Promise<Response> {
  const auth = await authorizeApiKey(db, request, spec.scope, now);
  if (auth instanceof Response) return auth;
  const { tenantId } = auth;
  const body = await readBody(request);
  if (body instanceof Response) return body;
  const rows = parseEnvelope(body, spec.key);
  if (rows instanceof Response) return rows;
  try {
    const checked = validateRows(rows, spec.schema(now));
    const unique = rejectDuplicateKeys(checked.valid, "externalId", (r) => r.externalId);
    const { errors, ...counts } = await spec.store({ db, tenantId, now }, unique.valid);
    const all = [...checked.errors, ...unique.errors, ...errors].sort((a, b) => a.index - b.index);
    return Response.json({ ...counts, errors: all });
  } catch (error) {
    console.error(`[rekindle] ${request.method} ${new URL(request.url).pathname} failed`, error);
    return apiError(
      500,
      "internal",
      "The batch was not stored. Retry it: rows already stored are not stored twice.",
    );
  }
}

/** The parsed JSON body, or the Response that refuses it. */
async function readBody(request: Request): Promise<unknown> {
  const tooLarge = () =>
    apiError(413, "payload_too_large", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    return apiError(
      415,
      "unsupported_media_type",
      "Send the body as `Content-Type: application/json`.",
    );
  }
  const text = await readText(request, MAX_BODY_BYTES);
  if (text === null) return tooLarge();
  try {
    return JSON.parse(text);
  } catch (error) {
    return apiError(400, "bad_request", `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** The body as text, or null once it passes `limit` bytes (Content-Length may be absent or wrong). */
async function readText(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseEnvelope(body: unknown, key: string): unknown[] | Response {
  const parsed = z.object({ [key]: z.array(z.unknown()).min(1) }).safeParse(body);
  if (!parsed.success) {
    return apiError(
      400,
      "bad_request",
      `The body must be a JSON object with a non-empty array \`${key}\`.`,
    );
  }
  const rows = parsed.data[key] as unknown[];
  if (rows.length > MAX_BATCH_ROWS) {
    return apiError(
      413,
      "payload_too_large",
      `At most ${MAX_BATCH_ROWS} ${key} per call; this one has ${rows.length}. Split it into batches.`,
    );
  }
  return rows;
}
