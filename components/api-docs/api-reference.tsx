import Link from "next/link";
import type { OpenApiDocument } from "@/server/openapi/document";
import { OperationSection } from "./operation-section";
import { readDocument } from "./read-document";
import { Inline, RichText } from "./rich-text";

/** The integration API as the generated OpenAPI document describes it. */
export function ApiReference({ document }: { document: OpenApiDocument }) {
  const view = readDocument(document);
  return (
    <div className="space-y-8">
      <section
        aria-labelledby="api-overview"
        className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:p-6 lg:grid-cols-3"
      >
        <h2 id="api-overview" className="sr-only">
          Overview
        </h2>
        <RichText text={view.description} className="text-stone-700 lg:col-span-3" />
        <dl className="space-y-1">
          <dt className="font-semibold text-stone-900">Base URL</dt>
          <dd className="break-all font-mono text-xs text-stone-700">{view.serverUrl}</dd>
        </dl>
        <dl className="space-y-1">
          <dt className="font-semibold text-stone-900">Authentication</dt>
          <dd className="text-stone-700">
            <Inline text={view.auth} />{" "}
            <Link href="/api-keys" className="text-brand-700 underline">
              Create a key
            </Link>
          </dd>
        </dl>
        <dl className="space-y-1">
          <dt className="font-semibold text-stone-900">OpenAPI 3.1</dt>
          <dd className="text-stone-700">
            <a href="/api/v1/openapi.json" className="font-mono text-xs text-brand-700 underline">
              /api/v1/openapi.json
            </a>{" "}
            for your HTTP client or code generator.
          </dd>
        </dl>
      </section>

      <nav
        aria-label="Endpoints"
        className="rounded-lg border border-stone-200 bg-white p-4 sm:p-6"
      >
        <h2 className="mb-3 text-sm font-semibold text-stone-900">Endpoints</h2>
        <ul className="space-y-2 text-sm">
          {view.operations.map((op) => (
            <li key={op.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
              <a href={`#${op.id}`} className="font-mono text-brand-700 underline">
                {op.method} {op.path}
              </a>
              <span className="text-stone-600">{op.summary}</span>
            </li>
          ))}
        </ul>
      </nav>

      {view.operations.map((op) => (
        <OperationSection key={op.id} op={op} serverUrl={view.serverUrl} resolve={view.resolve} />
      ))}
    </div>
  );
}
