import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";

/** The public endpoints, grouped by how much traffic a legitimate caller makes. */
export type Bucket = "api" | "links" | "signin" | "webhooks";

const perMinute = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The limits, from the environment, with defaults sized for one business's traffic: an
 * integration posting batches of 1,000 rows, a person opening links, a provider's webhooks.
 */
export const rateLimitSettings = z.object({
  RATE_LIMIT_WINDOW_SECONDS: perMinute(60),
  /** `/api/v1/*`, `/api/mcp`, the catalog and activation: per API key… */
  RATE_LIMIT_API_PER_KEY: perMinute(100),
  /** …and per client address, keys or not (it bounds guessing keys too). */
  RATE_LIMIT_API_PER_IP: perMinute(300),
  /** `/r`, `/p`, `/u` and the preference center's push subscription: per client address. */
  RATE_LIMIT_LINKS_PER_IP: perMinute(60),
  /** Sign-in requests and callbacks (magic links, demo sign-in): per client address. */
  RATE_LIMIT_SIGNIN_PER_IP: perMinute(20),
  /** Provider webhooks: per client address (a provider sends bursts from few addresses). */
  RATE_LIMIT_WEBHOOKS_PER_IP: perMinute(600),
});

export type RateLimitSettings = z.infer<typeof rateLimitSettings>;

/** Which bucket a request path falls in, or null for paths without a public limit. */
export function bucketOf(pathname: string): Bucket | null {
  if (/^\/api\/(v1|mcp|catalog|tenants)(\/|$)/.test(pathname)) return "api";
  if (/^\/(r|p|u)\//.test(pathname) || pathname === "/api/push/subscribe") return "links";
  if (/^\/api\/auth\/(signin|callback)(\/|$)/.test(pathname)) return "signin";
  if (pathname.startsWith("/api/webhooks/")) return "webhooks";
  return null;
}

type Limiters = Record<`${Bucket}:ip` | "api:key", RateLimiterMemory>;

export type RateLimitVerdict =
  | { allowed: true; limit: number; remaining: number; resetSeconds: number }
  | { allowed: false; limit: number; retryAfterSeconds: number };

/**
 * Fixed-window counters in the process's memory (rate-limiter-flexible): a request is counted
 * against its client address and, on the API, against the key it presents (hashed: the key itself
 * is never kept). With several app processes, each counts its own share.
 */
export function createRateLimiter(settings: RateLimitSettings) {
  const duration = settings.RATE_LIMIT_WINDOW_SECONDS;
  const limiter = (points: number) => new RateLimiterMemory({ points, duration });
  const limiters: Limiters = {
    "api:key": limiter(settings.RATE_LIMIT_API_PER_KEY),
    "api:ip": limiter(settings.RATE_LIMIT_API_PER_IP),
    "links:ip": limiter(settings.RATE_LIMIT_LINKS_PER_IP),
    "signin:ip": limiter(settings.RATE_LIMIT_SIGNIN_PER_IP),
    "webhooks:ip": limiter(settings.RATE_LIMIT_WEBHOOKS_PER_IP),
  };
  return async function check(
    bucket: Bucket,
    client: { ip: string; bearer: string | null },
  ): Promise<RateLimitVerdict> {
    const counted: [RateLimiterMemory, string][] = [[limiters[`${bucket}:ip`], client.ip]];
    if (bucket === "api" && client.bearer) {
      counted.unshift([
        limiters["api:key"],
        createHash("sha256").update(client.bearer).digest("hex"),
      ]);
    }
    let tightest: RateLimitVerdict | null = null;
    for (const [limit, key] of counted) {
      try {
        const res = await limit.consume(key);
        const verdict = {
          allowed: true as const,
          limit: limit.points,
          remaining: res.remainingPoints,
          resetSeconds: Math.ceil(res.msBeforeNext / 1000),
        };
        if (!tightest || (tightest.allowed && verdict.remaining < tightest.remaining))
          tightest = verdict;
      } catch (rejected) {
        if (!(rejected instanceof RateLimiterRes)) throw rejected;
        return {
          allowed: false,
          limit: limit.points,
          retryAfterSeconds: Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)),
        };
      }
    }
    return tightest!;
  };
}

/** The client's address as the reverse proxy in front of the app reports it. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
