import { z } from "zod";
import type { ZodOpenApiResponseObject } from "zod-openapi";
import type { ApiErrorCode } from "@/server/http/json";

/** The error answers an operation can document; each says in its entry what it means there. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500;

/** `bad_request` → `BadRequestError`: the component a code's body is shared as. */
const componentId = (code: string) =>
  code.replace(/(^|_)([a-z])/g, (_, _sep: string, c: string) => c.toUpperCase()) + "Error";

/**
 * An error answer (`apiError` in server/http/json.ts): its body, shared as a component, and a
 * sample message (the real one says what went wrong in the call at hand).
 */
function answer(code: ApiErrorCode, message: string) {
  const body = z
    .object({
      error: z.object({
        code: z.literal(code).meta({ description: "Stable: branch on it." }),
        message: z.string().meta({ description: "For people: what went wrong and what to do." }),
      }),
    })
    .meta({ id: componentId(code) });
  return { body, example: { error: { code, message } } };
}

const answers: Record<ErrorStatus, ReturnType<typeof answer>> = {
  400: answer("bad_request", "The body is not valid JSON: Unexpected end of JSON input"),
  401: answer("unauthorized", "Send a valid API key as `Authorization: Bearer <key>`."),
  403: answer("forbidden", "This API key lacks the scope this call needs."),
  404: answer("not_found", "There is no such module."),
  409: answer("conflict", "The module is already active."),
  413: answer("payload_too_large", "The body is too large."),
  415: answer("unsupported_media_type", "Send the body as `Content-Type: application/json`."),
  429: answer("rate_limited", "Too many requests: at most 100 in a window here. Retry after 12 s."),
  500: answer("internal", "Nothing was stored. Retry the call."),
};

/** A rate-limited caller learns when to come back. */
const retryAfter = z.object({
  "Retry-After": z.string().meta({
    description: "Seconds to wait before the next call.",
    example: "30",
  }),
});

/** The documented answer for an error status, described as `description` says. */
export function errorResponse(status: ErrorStatus, description: string): ZodOpenApiResponseObject {
  const { body, example } = answers[status];
  return {
    description,
    ...(status === 429 && { headers: retryAfter }),
    content: { "application/json": { schema: body, example } },
  };
}
