"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { roleLabel } from "@/components/team/role-label";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td } from "@/components/ui/data-table";
import { useTRPC } from "@/components/providers/trpc";
import { scopeDescriptions } from "@/server/api-keys/scopes";
import { CreateKeyForm } from "./create-key-form";

const columns = [
  { label: "Name" },
  { label: "Role" },
  { label: "Scopes" },
  { label: "Expires" },
  { label: "Last used" },
  { label: "Created", className: "hidden lg:table-cell" },
  { label: "Actions", srOnly: true },
];

const when = (d: Date | null) => (d ? formatDateTime(d) : "—");

export function ApiKeysManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  const [newKey, setNewKey] = useState<string | null>(null);
  // "Expired" as of the list's load, so the page renders the same on every pass.
  const loadedAt = keys.dataUpdatedAt;

  return (
    <div className="space-y-6">
      <CreateKeyForm
        onCreated={(key) => {
          setNewKey(key);
          void refresh();
        }}
      />
      {newKey && (
        <div
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm"
        >
          <p className="font-medium text-emerald-900">Copy the key now: it is shown only once.</p>
          <code
            data-testid="new-api-key"
            className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono text-xs"
          >
            {newKey}
          </code>
        </div>
      )}
      {revoke.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {revoke.error.message}
        </p>
      )}
      {keys.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {keys.error.message}
        </p>
      )}
      <DataTable caption="API keys" columns={columns}>
        {keys.isPending && (
          <tr>
            <td colSpan={columns.length} className="px-4 py-8 text-center text-stone-500">
              Loading keys…
            </td>
          </tr>
        )}
        {keys.data?.length === 0 && (
          <tr>
            <td colSpan={columns.length} className="px-4 py-8 text-center text-stone-500">
              No API keys yet.
            </td>
          </tr>
        )}
        {keys.data?.map((k) => {
          const expired = k.expiresAt !== null && k.expiresAt.getTime() <= loadedAt;
          return (
            <tr key={k.id} data-testid="api-key-row">
              <Td>
                <span className="block font-medium">{k.name}</span>
                <span className="block font-mono text-xs text-stone-500">{k.prefix}…</span>
              </Td>
              <Td>{roleLabel(k.role)}</Td>
              <Td>
                <span className="flex min-w-40 flex-wrap gap-1">
                  {k.scopes.map((s) => (
                    <Badge key={s} title={scopeDescriptions[s]}>
                      {s}
                    </Badge>
                  ))}
                </span>
              </Td>
              <Td className="whitespace-nowrap">
                {k.expiresAt === null ? (
                  <span className="text-stone-500">Never</span>
                ) : (
                  <span className="flex flex-col items-start gap-1">
                    {formatDateTime(k.expiresAt)}
                    {expired && <Badge tone="bad">Expired</Badge>}
                  </span>
                )}
              </Td>
              <Td className="whitespace-nowrap">{when(k.lastUsedAt)}</Td>
              <Td className="hidden whitespace-nowrap lg:table-cell">{when(k.createdAt)}</Td>
              <Td className="text-right">
                {k.revokedAt ? (
                  <Badge tone="bad" title={`Revoked ${formatDateTime(k.revokedAt)}`}>
                    Revoked
                  </Badge>
                ) : (
                  <Button
                    variant="danger"
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (
                        window.confirm(`Revoke “${k.name}”? Integrations using it stop at once.`)
                      ) {
                        revoke.mutate({ id: k.id });
                      }
                    }}
                    aria-label={`Revoke ${k.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </Td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
