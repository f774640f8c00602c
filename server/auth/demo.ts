import CredentialsProvider from "next-auth/providers/credentials";
import type { Db } from "@/db/client";
import { demoUserEmails } from "@/db/seed/demo-tenants";
import { findMemberByEmail } from "./membership";

/**
 * One-click demo sign-in. `next build` inlines NODE_ENV, so in a production build this is the
 * constant `false`: the provider is never registered and no setting can turn it on.
 */
export const demoSignInEnabled = process.env.NODE_ENV !== "production";

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
      return user && { id: user.id, email: user.email, name: user.name };
    },
  });
}
