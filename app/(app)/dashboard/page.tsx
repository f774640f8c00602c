import type { Metadata } from "next";
import { Suspense } from "react";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { membership } = await requirePagePermission("dashboard.read");
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Who ${membership.tenantName} won back with its reminders, and what they were worth.`}
      />
      <Suspense>
        <DashboardView />
      </Suspense>
    </>
  );
}
