import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { linkTokens, type LinkClaims } from "./tokens";

const secret = "test-secret-of-at-least-32-characters!!";
const tokens = linkTokens(secret);
const now = new Date("2026-03-01T12:00:00Z");
const DAY = 86_400_000;
const later = (days: number) => new Date(now.getTime() + days * DAY);

const t = randomUUID();
const claimsOf: Record<LinkClaims["k"], LinkClaims> = {
  r: { k: "r", t, d: randomUUID(), l: 2 },
  p: { k: "p", t, c: randomUUID() },
  u: { k: "u", t, c: randomUUID() },
};
const invalid = { ok: false, problem: "invalid" };
const expired = { ok: false, problem: "expired" };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const part = (token: string, i: number) =>
  JSON.parse(Buffer.from(token.split(".")[i]!, "base64url").toString());

describe("link tokens — “a signed link in every message” (SPEC §1.5)", () => {
  it.each(Object.entries(claimsOf))(
    "kind %s: sign → verify returns the claims",
    async (_, claims) => {
      const token = await tokens.sign(claims, now);
      expect(token.split(".")).toHaveLength(3);
      expect(part(token, 0)).toEqual({ alg: "HS256" });
      expect(await tokens.verify(token, now)).toEqual({ ok: true, claims });
      expect(await tokens.verify(token, later(1))).toEqual({ ok: true, claims });
    },
  );

  it("a token only from the same secret: another instance with the same secret verifies it", async () => {
    const token = await tokens.sign(claimsOf.p, now);
    expect(await linkTokens(secret).verify(token, now)).toEqual({ ok: true, claims: claimsOf.p });
  });

  describe("anything but an intact token of ours is invalid", () => {
    it("an altered payload", async () => {
      const token = await tokens.sign(claimsOf.r, now);
      const [h, p, s] = token.split(".");
      const payload = { ...JSON.parse(Buffer.from(p!, "base64url").toString()), l: 3 };
      expect(await tokens.verify(`${h}.${b64(payload)}.${s}`, now)).toEqual(invalid);
    });

    it("another contact's id swapped in", async () => {
      const token = await tokens.sign(claimsOf.u, now);
      const [h, p, s] = token.split(".");
      const payload = { ...JSON.parse(Buffer.from(p!, "base64url").toString()), c: randomUUID() };
      expect(await tokens.verify(`${h}.${b64(payload)}.${s}`, now)).toEqual(invalid);
    });

    it("a token signed with another secret", async () => {
      const token = await linkTokens("another-secret-of-32-characters-or-more").sign(
        claimsOf.u,
        now,
      );
      expect(await tokens.verify(token, now)).toEqual(invalid);
    });

    it("a JWT signed with the raw app secret (as a session token would be)", async () => {
      const token = await new SignJWT({ ...claimsOf.u })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuedAt(now)
        .setExpirationTime(later(1))
        .sign(new TextEncoder().encode(secret));
      expect(await tokens.verify(token, now)).toEqual(invalid);
    });

    it.each([1, 5, 20])("a token truncated by %i characters", async (n) => {
      const token = await tokens.sign(claimsOf.r, now);
      expect(await tokens.verify(token.slice(0, -n), now)).toEqual(invalid);
    });

    it("a token without its signature", async () => {
      const token = await tokens.sign(claimsOf.r, now);
      expect(await tokens.verify(token.split(".").slice(0, 2).join(".") + ".", now)).toEqual(
        invalid,
      );
    });

    it("an `alg: none` token", async () => {
      const exp = Math.floor(later(1).getTime() / 1000);
      const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...claimsOf.u, exp })}.`;
      expect(await tokens.verify(unsigned, now)).toEqual(invalid);
    });

    it("an `alg: none` header on a real token's payload and signature", async () => {
      const [, p, s] = (await tokens.sign(claimsOf.u, now)).split(".");
      expect(await tokens.verify(`${b64({ alg: "none" })}.${p}.${s}`, now)).toEqual(invalid);
    });

    it.each(["", "garbage", "a.b.c", "...", "eyJhbGciOiJIUzI1NiJ9", "%00", "x".repeat(5_000)])(
      "garbage: %j",
      async (garbage) => {
        expect(await tokens.verify(garbage, now)).toEqual(invalid);
      },
    );

    it.each<[string, unknown]>([
      ["a tenant id that is not a uuid", { ...claimsOf.r, t: "tenant-1" }],
      ["a negative link number", { ...claimsOf.r, l: -1 }],
      ["a fractional link number", { ...claimsOf.r, l: 1.5 }],
      ["a tracked link without its delivery", { k: "r", t, l: 0 }],
      ["an unsubscribe without its contact", { k: "u", t }],
    ])("claims of the wrong shape, signed with our key: %s", async (_, claims) => {
      const token = await tokens.sign(claims as LinkClaims, now);
      expect(await tokens.verify(token, now)).toEqual(invalid);
    });

    it("property: any single-character change of a token makes it invalid (or leaves the same claims)", async () => {
      const token = await tokens.sign(claimsOf.r, now);
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: token.length - 1 }),
          fc.constantFrom(...alphabet),
          async (i, c) => {
            fc.pre(token[i] !== c);
            const changed = token.slice(0, i) + c + token.slice(i + 1);
            const result = await tokens.verify(changed, now);
            // base64url's last character may carry unused bits: the decoded bytes can be equal.
            if (result.ok) expect(result.claims).toEqual(claimsOf.r);
            else expect(result).toEqual(invalid);
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  describe("each kind lives as long as a contact may reasonably use it", () => {
    it.each([
      ["r", 89, true],
      ["r", 91, false],
      ["p", 91, true],
      ["p", 364, true],
      ["p", 366, false],
      ["u", 364, true],
      ["u", 366, false],
    ] as const)("kind %s, %i days later: valid %s", async (kind, days, valid) => {
      const token = await tokens.sign(claimsOf[kind], now);
      expect(await tokens.verify(token, later(days))).toEqual(
        valid ? { ok: true, claims: claimsOf[kind] } : expired,
      );
    });

    it("the expiry is exactly 90 days for a tracked link, 365 for the others", async () => {
      for (const [kind, days] of [
        ["r", 90],
        ["p", 365],
        ["u", 365],
      ] as const) {
        const payload = part(await tokens.sign(claimsOf[kind], now), 1);
        expect(payload.iat).toBe(now.getTime() / 1000);
        expect(payload.exp - payload.iat).toBe(days * 86_400);
      }
    });

    it("an expired token of another secret is invalid, not expired", async () => {
      const token = await linkTokens("another-secret-of-32-characters-or-more").sign(
        claimsOf.r,
        now,
      );
      expect(await tokens.verify(token, later(91))).toEqual(invalid);
    });
  });
});
