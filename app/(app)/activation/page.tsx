import type { Metadata } from "next";
import { ActivationPanel } from "@/components/activation/activation-panel";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/caller";
import { requirePagePermission } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Activation" };

export default async function ActivationPage() {
  await requirePagePermission("module.manage");
  const initial = await (await serverApi()).modules.status();
  return (
    <>
      <PageHeader
        title="Activation"
        description="Turn Dormant Customer Reactivation on, pause it or turn it off. Activation checks that everything it needs is in place, and says what is missing and how to provide it."
      />
      <ActivationPanel initial={initial} />
    </>
  );
}
