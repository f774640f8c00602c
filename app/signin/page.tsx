import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { DemoSignIn } from "@/components/auth/demo-sign-in";
import { EmailSignIn } from "@/components/auth/email-sign-in";
import { demoTenants, demoUserEmail, demoUsers } from "@/db/seed/demo-tenants";
import { demoSignInEnabled } from "@/server/auth/demo";
import { getDb } from "@/db/runtime";
import { findMembership } from "@/server/auth/membership";
import { getSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const errors: Record<string, string> = {
  CredentialsSignin: "That demo user does not exist in this database. Run `npm run db:seed`.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  AccessDenied: "This account has no access to Rekindle.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const session = await getSession();
  // Only members go on; a signed-in user without a workspace stays here to see why.
  if (session?.userId && (await findMembership(await getDb(), session.userId))) {
    redirect("/");
  }
  const { error } = await searchParams;
  const accounts = demoTenants.flatMap((t) =>
    demoUsers.map((user) => ({
      email: demoUserEmail(t, user.handle),
      role: user.label,
      tenant: t.name,
      kind: t.kind,
    })),
  );
  return (
    <AuthCard title="Sign in">
      <p className="mb-6 mt-1 text-sm text-stone-600">We email you a link; no password needed.</p>
      {error && (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors[error] ?? "Sign-in failed. Try again."}
        </p>
      )}
      <EmailSignIn />
      {demoSignInEnabled && <DemoSignIn accounts={accounts} />}
    </AuthCard>
  );
}
