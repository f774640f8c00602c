export type ApiErrorCode =
  "unauthorized" | "bad_request" | "payload_too_large" | "unsupported_media_type" | "internal";

export function apiError(status: number, code: ApiErrorCode, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
