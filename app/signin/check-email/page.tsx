import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Check your email" };
// Whether mail goes to Resend is decided by the running server's environment, not the build's.
export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  return (
    <AuthCard title="Check your email">
      <p className="mt-2 text-sm text-stone-600">
        If this address belongs to a Rekindle account, a sign-in link is on its way. It works once
        and expires in 24 hours.
      </p>
      {!env.RESEND_API_KEY && (
        <p className="mt-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700">
          No email provider is configured, so the link was captured in the Outbox and printed in the
          server log.
        </p>
      )}
    </AuthCard>
  );
}
