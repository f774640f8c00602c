import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/components/api-docs/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";
import { env } from "@/server/env";
import { openApiDocument } from "@/server/openapi/document";
import { apiOperations } from "@/server/openapi/registry";

export const metadata: Metadata = { title: "API docs" };

/** The integration API's reference, rendered from the OpenAPI document the API serves. */
export default async function ApiDocsPage() {
  // Whoever manages the workspace's API keys is who integrates with the API.
  await requirePagePermission("apiKeys.manage");
  const document = openApiDocument(apiOperations(new Date()), env.NEXTAUTH_URL);
  return (
    <>
      <PageHeader
        title="API docs"
        description="Send contacts, activity, the exercise catalog and push subscriptions from your systems."
      >
        <Link
          href="/api-keys"
          className="inline-flex items-center rounded-md border border-stone-300 bg-white px-3.5 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
        >
          API keys
        </Link>
      </PageHeader>
      <ApiReference document={document} />
    </>
  );
}
