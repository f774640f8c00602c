import type { Metadata } from "next";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePagePermission("apiKeys.manage");
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the integration API (POST /api/v1/contacts and /api/v1/activity). Send one in the Authorization header as “Bearer <key>”."
      />
      <ApiKeysManager />
    </>
  );
}
