import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { AuthOptions } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import type { Db } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/server/env";
import { outboxMailer, resendMailer, type Mailer } from "@/server/mail/mailer";
import { demoProvider, demoSignInEnabled } from "./demo";
import { findMemberByEmail, findMembership } from "./membership";
import { signInMail } from "./sign-in-mail";

export type AuthConfig = { demo: boolean; mailer: Mailer };

export function defaultAuthConfig(db: Db): AuthConfig {
  const mailer = env.RESEND_API_KEY
    ? resendMailer(env.RESEND_API_KEY, env.EMAIL_FROM)
    : outboxMailer(db);
  return { demo: demoSignInEnabled, mailer };
}

export function buildAuthOptions(db: Db, config: AuthConfig): AuthOptions {
  const providers: AuthOptions["providers"] = [magicLinkProvider(db, config.mailer)];
  if (config.demo) providers.push(demoProvider(db));
  return {
    secret: env.NEXTAUTH_SECRET,
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    providers,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.tenantId = (await findMembership(db, user.id))?.tenantId;
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, tenantId: token.tenantId };
      },
    },
  };
}

/** Development without a mail provider: the link is also printed, for convenience. */
const logSignInLinks = process.env.NODE_ENV !== "production" && !env.RESEND_API_KEY;

/** Email magic link; mail goes only to existing members, so the form never reveals who has an account. */
function magicLinkProvider(db: Db, mailer: Mailer): EmailConfig {
  const sendVerificationRequest: EmailConfig["sendVerificationRequest"] = async ({
    identifier,
    url,
  }) => {
    if (!(await findMemberByEmail(db, identifier))) return;
    // Not awaited: a member's answer must take no longer than a stranger's.
    mailer.send(signInMail(identifier, url)).catch((error: unknown) => {
      console.error(`[rekindle] sign-in mail to ${identifier} failed`, error);
    });
    if (logSignInLinks) console.info(`[rekindle] sign-in link for ${identifier}: ${url}`);
  };
  return {
    id: "email",
    type: "email",
    name: "Email",
    server: {},
    from: env.EMAIL_FROM,
    maxAge: 24 * 60 * 60,
    options: {},
    sendVerificationRequest,
    normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
  };
}
