import type { ReactNode } from "react";
import { PostHogPageviews } from "@/components/analytics/posthog-pageviews";
import { AppNav } from "@/components/layout/app-nav";
import { ModuleBanner } from "@/components/layout/module-banner";
import { navItems } from "@/components/layout/nav-items";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { TrpcProviders } from "@/components/providers/trpc";
import { Toaster } from "@/components/ui/toaster";
import { demoHistoryStatus } from "@/db/seed/status";
import { requireMember } from "@/server/auth/page-guard";
import { can } from "@/server/auth/permissions";
import { posthogConfig } from "@/server/analytics/posthog-config";
import { env } from "@/server/env";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { session, membership } = await requireMember();
  const items = navItems.filter((item) => can(membership.roles, item.permission));
  const history = demoHistoryStatus();
  const posthog = posthogConfig(env);
  return (
    <TrpcProviders>
      {membership.tenantSandbox && (
        <p
          className="bg-amber-100 px-4 py-1 text-center text-sm text-amber-950"
          data-testid="sandbox-banner"
        >
          Sandbox: messages go to the Outbox
          {history.state === "building" && (
            <span data-testid="demo-history-progress">
              {" "}
              · Building the demo&apos;s year of history ({history.done} of {history.of} steps): its
              contacts appear when it is done — reload in a minute
            </span>
          )}
        </p>
      )}
      {membership.moduleState !== "active" && (
        <ModuleBanner
          state={membership.moduleState}
          missing={membership.moduleMissing}
          canManage={can(membership.roles, "module.manage")}
        />
      )}
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:px-6">
          <span className="text-lg font-bold text-brand-600">Rekindle</span>
          <AppNav items={items} />
          <div className="ml-auto flex items-center gap-2 text-sm">
            <span className="hidden text-right sm:block">
              <span className="block font-medium">{membership.tenantName}</span>
              <span className="block text-xs text-stone-500" data-testid="current-user">
                {session.user?.email} · {membership.roles.join(", ")}
              </span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
      <Toaster />
      {posthog && session.userId && (
        <PostHogPageviews
          apiKey={posthog.key}
          host={posthog.host}
          userId={session.userId}
          workspaceId={membership.tenantId}
        />
      )}
    </TrpcProviders>
  );
}
