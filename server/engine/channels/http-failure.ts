import type { z } from "zod";
import type { FailureKind } from "../retry";
import { ProviderError } from "./provider";

/** How long an adapter waits for a provider's whole answer before calling it a timeout. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** What a provider's refusal means for the engine: retry or give up, plus a label for the log. */
export type Classification = { kind: FailureKind; errorClass: string };

export const transient = (errorClass: string): Classification => ({
  kind: "transient",
  errorClass,
});
export const permanent = (errorClass: string): Classification => ({
  kind: "permanent",
  errorClass,
});

/**
 * SPEC §1.3: timeouts, rate limits and server faults are retried; any other refusal is final. A
 * refused key is the workspace's fault, not the contact's: it is retried (while the owner fixes
 * it) rather than marking the channel unreachable for every contact it touches.
 */
export function classifyStatus(status: number): Classification {
  if (status === 408) return transient("timeout");
  if (status === 425) return transient("too_early");
  if (status === 429) return transient("rate_limited");
  if (status >= 500) return transient("server_error");
  if (status === 401 || status === 403) return transient("auth");
  return permanent("rejected");
}

export function providerFailure(
  provider: string,
  classification: Classification,
  detail: string,
): ProviderError {
  return new ProviderError(
    classification.kind,
    `${provider}: ${detail}`,
    classification.errorClass,
  );
}

/** A non-2xx answer, as the attempt log should read it. */
export type Refusal = {
  status: number;
  /** The provider's own error code or name. */
  code?: string | number;
  detail?: string;
  /** Kept in the message only: the engine's retry offsets are fixed (SPEC §1.3). */
  retryAfter?: string | null;
};

/** `known` is the adapter's reading of a provider error code; without one the status decides. */
export function httpFailure(
  provider: string,
  refusal: Refusal,
  known?: Classification,
): ProviderError {
  return providerFailure(provider, known ?? classifyStatus(refusal.status), describe(refusal));
}

function describe({ status, code, detail, retryAfter }: Refusal): string {
  const parts = [`HTTP ${status}`];
  if (code !== undefined) parts.push(`code ${code}`);
  if (detail) parts.push(detail);
  if (retryAfter) parts.push(`retry after ${retryAfter}`);
  return parts.join(", ");
}

/**
 * No answer at all. Always transient: the request may or may not have landed, and the
 * idempotency key makes the retry safe where the provider has one.
 */
export function networkFailure(provider: string, error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const timedOut =
    error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
  return providerFailure(
    provider,
    transient(timedOut ? "timeout" : "network_error"),
    timedOut ? "no answer in time" : errorText(error),
  );
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici reports "fetch failed" and keeps the reason (ECONNREFUSED, …) in `cause`.
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

export type ProviderResponse = { ok: boolean; status: number; headers: Headers; body: unknown };

/**
 * `fetch` with one deadline over the request and the body read; transport failures come back as
 * transient ProviderErrors. The body is parsed JSON, or the raw text when it is not JSON.
 */
export async function providerFetch(
  provider: string,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<ProviderResponse> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return {
      ok: response.ok,
      status: response.status,
      headers: response.headers,
      body: json(text),
    };
  } catch (error) {
    throw networkFailure(provider, error);
  }
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A success answer in an unexpected shape. Transient: the message may have gone out, and a retry
 * with the idempotency key cannot send it twice where the provider honours one.
 */
export function parseAnswer<T>(provider: string, schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw providerFailure(provider, transient("unexpected_response"), bodyText(body));
}

/** A provider's answer body, short enough for the attempt log. */
export function bodyText(body: unknown): string {
  const text = typeof body === "string" ? body : String(JSON.stringify(body));
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
