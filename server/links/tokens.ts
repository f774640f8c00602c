import { createHash } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";

/** What a link in a message may do; each kind lives as long as a contact may reasonably use it. */
const claims = z.discriminatedUnion("k", [
  /** A tracked link: delivery `d`, link number `l` of its stored content. */
  z.object({ k: z.literal("r"), t: z.uuid(), d: z.uuid(), l: z.number().int().min(0) }),
  /** The preference center of contact `c`. */
  z.object({ k: z.literal("p"), t: z.uuid(), c: z.uuid() }),
  /** One-click email unsubscribe of contact `c` (RFC 8058). */
  z.object({ k: z.literal("u"), t: z.uuid(), c: z.uuid() }),
]);
export type LinkClaims = z.infer<typeof claims>;

const DAY = 86_400_000;
const lifetime: Record<LinkClaims["k"], number> = { r: 90 * DAY, p: 365 * DAY, u: 365 * DAY };

export type TokenProblem = "expired" | "invalid";

/** Signs and checks message-link tokens (HS256 JWTs) with a key derived from the app secret. */
export function linkTokens(secret: string) {
  // A key of its own: a session cookie can never pass for a link token, nor the reverse.
  const key = createHash("sha256").update(`rekindle:links:${secret}`).digest();
  return {
    async sign(payload: LinkClaims, now: Date): Promise<string> {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT(payload)
        .setProtectedHeader({ alg: "HS256" })
        .setIssuedAt(iat)
        .setExpirationTime(Math.floor((now.getTime() + lifetime[payload.k]) / 1000))
        .sign(key);
    },
    async verify(
      token: string,
      now: Date,
    ): Promise<{ ok: true; claims: LinkClaims } | { ok: false; problem: TokenProblem }> {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ["HS256"],
          currentDate: now,
        });
        const parsed = claims.safeParse(payload);
        return parsed.success
          ? { ok: true, claims: parsed.data }
          : { ok: false, problem: "invalid" };
      } catch (error) {
        return { ok: false, problem: error instanceof errors.JWTExpired ? "expired" : "invalid" };
      }
    },
  };
}

export type LinkTokens = ReturnType<typeof linkTokens>;
