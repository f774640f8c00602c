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
        description="Keys for the integration API (contacts, activity, exercises, push subscriptions), module activation and the MCP server. Each key acts as a role and may call only its scopes; send it in the Authorization header as “Bearer <key>”."
      />
      <ApiKeysManager />
    </>
  );
}
