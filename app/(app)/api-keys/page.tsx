import type { Metadata } from "next";
import Link from "next/link";
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
      >
        <Link
          href="/developers"
          className="inline-flex items-center rounded-md border border-stone-300 bg-white px-3.5 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
        >
          API docs: endpoints and fields
        </Link>
      </PageHeader>
      <ApiKeysManager />
    </>
  );
}
