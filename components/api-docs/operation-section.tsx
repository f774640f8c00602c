import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td } from "@/components/ui/data-table";
import { CodeBlock } from "./code-block";
import { curlCommand } from "./curl";
import { FieldTable } from "./field-table";
import type { OperationView } from "./read-document";
import { Inline, RichText } from "./rich-text";
import type { Resolve } from "./schema-fields";

const errorColumns = [{ label: "Status" }, { label: "When" }];

/** `unsupported_media_type` may wrap after an underscore: a phone's column is narrow. */
function Code({ code }: { code: string }) {
  return code.split("_").map((part, i, parts) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          _<wbr />
        </>
      )}
    </Fragment>
  ));
}

/** The operation's URL, with its example query. */
function exampleUrl(serverUrl: string, op: OperationView): string {
  const query = new URLSearchParams(op.query?.example).toString();
  return serverUrl + op.path + (query ? `?${query}` : "");
}

function Heading({ id, children }: { id: string; children: string }) {
  return (
    <h3 id={id} className="text-base font-semibold text-stone-900">
      {children}
    </h3>
  );
}

/** One operation: what it does, the scope it needs, its request and answers, a curl call. */
export function OperationSection({
  op,
  serverUrl,
  resolve,
}: {
  op: OperationView;
  serverUrl: string;
  resolve: Resolve;
}) {
  const name = `${op.method} ${op.path}`;
  return (
    <section
      id={op.id}
      aria-labelledby={`${op.id}-title`}
      data-testid={`operation-${op.id}`}
      className="scroll-mt-6 space-y-5 rounded-lg border border-stone-200 bg-white p-4 sm:p-6"
    >
      <header className="space-y-2">
        <h2 id={`${op.id}-title`} className="text-xl font-semibold tracking-tight">
          {op.summary}
        </h2>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <span className="rounded bg-brand-600 px-2 py-0.5 font-mono text-xs font-semibold text-white">
            {op.method}
          </span>
          <code className="break-all font-mono text-sm font-medium text-stone-900">{op.path}</code>
          {op.scope ? (
            <Badge tone="brand">
              scope:&nbsp;<span className="font-mono">{op.scope}</span>
            </Badge>
          ) : (
            <Badge>no API key</Badge>
          )}
        </p>
      </header>
      <RichText text={op.description} className="max-w-3xl text-sm text-stone-700" />

      {op.query && (
        <div className="space-y-3">
          <Heading id={`${op.id}-query`}>Query parameters</Heading>
          <FieldTable
            id={`${op.id}-query-fields`}
            caption={`${name}: query parameters`}
            schema={op.query.schema}
            resolve={resolve}
          />
        </div>
      )}

      {op.body && (
        <div className="space-y-3">
          <Heading id={`${op.id}-request`}>Request body</Heading>
          <RichText text={op.body.description} className="text-sm text-stone-700" />
          <FieldTable
            id={`${op.id}-request-fields`}
            caption={`${name}: request fields`}
            schema={op.body.schema}
            resolve={resolve}
          />
        </div>
      )}

      <div className="space-y-3">
        <Heading id={`${op.id}-example`}>Example request</Heading>
        <CodeBlock
          label={`${name}: example request`}
          code={curlCommand(op.method, exampleUrl(serverUrl, op), op.body?.example)}
        />
      </div>

      {op.success && (
        <div className="space-y-3">
          <Heading id={`${op.id}-response`}>{`Response ${op.success.status}`}</Heading>
          <p className="text-sm text-stone-700">
            <Inline text={op.success.description} />
          </p>
          <FieldTable
            id={`${op.id}-response-fields`}
            caption={`${name}: response fields`}
            schema={op.success.schema}
            resolve={resolve}
          />
          {op.success.examples.map((example, i) => (
            <div key={i} className="space-y-1.5">
              <p className="break-words text-sm text-stone-700">
                <Inline text={example.summary} />
              </p>
              <CodeBlock
                label={`${name}: example response ${i + 1}`}
                code={JSON.stringify(example.value, null, 2)}
              />
            </div>
          ))}
        </div>
      )}

      {op.errors.length > 0 && (
        <div className="space-y-3">
          <Heading id={`${op.id}-errors`}>Errors</Heading>
          <p className="text-sm text-stone-700">
            The body is{" "}
            <code className="font-mono text-[0.85em]">{`{ "error": { "code", "message" } }`}</code>:
            branch on the code, show the message to people.
          </p>
          <DataTable caption={`${name}: errors`} columns={errorColumns}>
            {op.errors.map((error) => (
              <tr key={error.status} className="align-top">
                <Td className="font-mono text-xs">
                  <span className="block font-semibold">{error.status}</span>
                  <span className="block text-stone-600">
                    <Code code={error.code} />
                  </span>
                </Td>
                <Td className="text-stone-700">
                  <Inline text={error.description} />
                  {error.headers.map(([header, description]) => (
                    <span key={header} className="mt-1 block text-xs text-stone-600">
                      Header <code className="font-mono">{header}</code>: {description}
                    </span>
                  ))}
                </Td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}
