import CredentialsProvider from "next-auth/providers/credentials";
import type { Db } from "@/db/client";
import { demoUserEmails } from "@/db/seed/demo-tenants";
import { env } from "@/server/env";
import { findMemberByEmail, findMembership } from "./membership";

/**
 * One-click demo sign-in: on in demo mode (`REKINDLE_DEMO=1`, what `npm run dev` sets; the default
 * outside a production server), off in a production server started without it. Read at start, so
 * `npm run check:build` proves a plain `next start` has no demo provider.
 */
export const demoSignInEnabled = env.REKINDLE_DEMO;

const demoEmails = new Set(demoUserEmails);

export function isDemoEmail(email: string): boolean {
  return demoEmails.has(email);
}

export function demoProvider(db: Db) {
  return CredentialsProvider({
    id: "demo",
    name: "Demo user",
    credentials: { email: { label: "Demo user email", type: "email" } },
    async authorize(credentials) {
      const email = credentials?.email ?? "";
      if (!isDemoEmail(email)) return null;
      const user = await findMemberByEmail(db, email);
      // Demo sign-in opens only a sandbox workspace (the seeded demo ones), never a real one.
      if (!user || !(await findMembership(db, user.id))?.tenantSandbox) return null;
      return { id: user.id, email: user.email, name: user.name };
    },
  });
}
