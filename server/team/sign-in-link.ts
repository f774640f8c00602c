import { createHash, randomBytes } from "node:crypto";
import type { AuthOptions } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { env } from "@/server/env";

/** The page an invited person lands on once the link signed them in, as the sign-in form's. */
const landing = "/contacts";

/**
 * Sends `email` next-auth's own email sign-in link: what its sign-in endpoint does for the email
 * provider (`next-auth/core/lib/email/signin`, which the package does not export), step by step.
 * A random token, stored hashed in next-auth's verification tokens through its adapter, and the
 * provider's `sendVerificationRequest` with next-auth's callback URL, so the link is redeemed by
 * next-auth itself at `/api/auth/callback/email` like any other. `team/sign-in-link.int.test.ts`
 * redeems one through next-auth's handler to prove the two agree.
 */
export async function sendSignInLink(auth: AuthOptions, email: string): Promise<void> {
  const provider = auth.providers.find((p): p is EmailConfig => p.type === "email");
  const adapter = auth.adapter;
  if (!provider || !adapter?.createVerificationToken)
    throw new Error("Email sign-in is not configured: no email provider or adapter.");
  const identifier = provider.normalizeIdentifier?.(email) ?? email;
  const token = (await provider.generateVerificationToken?.()) ?? randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + (provider.maxAge ?? 24 * 60 * 60) * 1000);
  // Stored before the mail leaves, so the link never reaches anyone before it works.
  await adapter.createVerificationToken({
    identifier,
    token: hashToken(token, provider.secret ?? auth.secret),
    expires,
  });
  const params = new URLSearchParams({
    callbackUrl: new URL(landing, env.NEXTAUTH_URL).href,
    token,
    email: identifier,
  });
  const url = `${new URL("/api/auth", env.NEXTAUTH_URL).href}/callback/${provider.id}?${params}`;
  await provider.sendVerificationRequest({
    identifier,
    token,
    expires,
    url,
    provider,
    theme: auth.theme ?? {},
  });
}

/** next-auth's `hashToken`: the verification token table holds sha256(token + secret) only. */
function hashToken(token: string, secret: string | undefined): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}
