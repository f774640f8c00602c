"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

export type DemoAccount = { email: string; role: string; tenant: string; kind: string };

/**
 * One click per demo user (two marketers: one submits a variant, the other approves it); rendered
 * only when demo sign-in exists (never in a production build).
 */
export function DemoSignIn({ accounts }: { accounts: DemoAccount[] }) {
  const [pending, setPending] = useState<string | null>(null);
  const hydrated = useHydrated();
  const tenants = [...new Set(accounts.map((a) => a.tenant))];
  return (
    <section aria-labelledby="demo-heading" className="mt-8 border-t border-stone-200 pt-6">
      <h2 id="demo-heading" className="text-sm font-semibold text-stone-800">
        Demo sign-in
      </h2>
      <p className="mt-1 text-xs text-stone-500">
        Development only: one click signs you in as a demo user.
      </p>
      {tenants.map((tenant) => (
        <div key={tenant} className="mt-4">
          <p className="text-xs font-medium uppercase tracking-wide text-stone-500">{tenant}</p>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {accounts
              .filter((a) => a.tenant === tenant)
              .map((a) => (
                <button
                  key={a.email}
                  type="button"
                  disabled={!hydrated || pending !== null}
                  aria-label={`Sign in as ${a.role} of ${tenant}`}
                  onClick={() => {
                    setPending(a.email);
                    void signIn("demo", { email: a.email, callbackUrl: "/" });
                  }}
                  className="rounded-md border border-stone-300 bg-white px-2 py-2 text-sm font-medium capitalize hover:border-brand-500 hover:bg-brand-50 disabled:opacity-60"
                >
                  {pending === a.email ? "Signing in…" : a.role}
                </button>
              ))}
          </div>
        </div>
      ))}
    </section>
  );
}
