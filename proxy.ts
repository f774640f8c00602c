import { NextResponse, type NextRequest } from "next/server";
import { bearerToken } from "@/server/http/api-key-auth";
import {
  bucketOf,
  clientIp,
  createRateLimiter,
  rateLimitSettings,
} from "@/server/http/rate-limits";

/*
 * Rate limits on every public endpoint, before any route runs: the integration API and MCP per
 * key and per address; links, sign-in and webhooks per address. The counters live in this
 * process (one per process, kept on globalThis across module reloads in development).
 */
const globalForLimits = globalThis as unknown as {
  rekindleRateLimit?: ReturnType<typeof createRateLimiter>;
};

function limiter() {
  globalForLimits.rekindleRateLimit ??= createRateLimiter(rateLimitSettings.parse(process.env));
  return globalForLimits.rekindleRateLimit;
}

export async function proxy(request: NextRequest) {
  const bucket = bucketOf(request.nextUrl.pathname);
  if (!bucket) return NextResponse.next();
  const verdict = await limiter()(bucket, {
    ip: clientIp(request.headers),
    bearer: bearerToken(request),
  });
  if (!verdict.allowed) {
    const message = `Too many requests: at most ${verdict.limit} in a window here. Retry after ${verdict.retryAfterSeconds} s.`;
    const headers = {
      "retry-after": String(verdict.retryAfterSeconds),
      "ratelimit-limit": String(verdict.limit),
      "ratelimit-remaining": "0",
    };
    return bucket === "links"
      ? new NextResponse(message, { status: 429, headers })
      : NextResponse.json({ error: { code: "rate_limited", message } }, { status: 429, headers });
  }
  const response = NextResponse.next();
  response.headers.set("ratelimit-limit", String(verdict.limit));
  response.headers.set("ratelimit-remaining", String(verdict.remaining));
  response.headers.set("ratelimit-reset", String(verdict.resetSeconds));
  return response;
}

export const config = {
  matcher: ["/api/:path*", "/r/:path*", "/p/:path*", "/u/:path*"],
};
