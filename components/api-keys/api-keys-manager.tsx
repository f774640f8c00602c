"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td } from "@/components/ui/data-table";
import { Field, Input } from "@/components/ui/field";
import { useTRPC } from "@/components/providers/trpc";
import { useHydrated } from "@/components/ui/use-hydrated";

const columns = [
  { label: "Name" },
  { label: "Key" },
  { label: "Created" },
  { label: "Last used" },
  { label: "Actions", srOnly: true },
];

const when = (d: Date | null) => (d ? formatDateTime(d) : "—");

export function ApiKeysManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const hydrated = useHydrated();

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name });
  }

  const nameError = create.error?.data?.fieldErrors?.name?.[0];
  return (
    <div className="space-y-6">
      <form
        onSubmit={submit}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <div className="min-w-64 flex-1">
          <Field
            label="Key name"
            id="key-name"
            hint="Where the key will be used, e.g. “CRM sync”."
            error={nameError}
          >
            {(control) => (
              <Input {...control} value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
        </div>
        <Button type="submit" disabled={!hydrated || create.isPending}>
          Create key
        </Button>
      </form>
      {create.data && (
        <div
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm"
        >
          <p className="font-medium text-emerald-900">Copy the key now: it is shown only once.</p>
          <code
            data-testid="new-api-key"
            className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono text-xs"
          >
            {create.data.key}
          </code>
        </div>
      )}
      {revoke.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {revoke.error.message}
        </p>
      )}
      <DataTable caption="API keys" columns={columns}>
        {keys.data?.length === 0 && (
          <tr>
            <td colSpan={5} className="px-4 py-8 text-center text-stone-500">
              No API keys yet.
            </td>
          </tr>
        )}
        {keys.data?.map((k) => (
          <tr key={k.id}>
            <Td className="font-medium">{k.name}</Td>
            <Td className="font-mono text-xs">{k.prefix}…</Td>
            <Td>{when(k.createdAt)}</Td>
            <Td>{when(k.lastUsedAt)}</Td>
            <Td className="text-right">
              {k.revokedAt ? (
                <Badge tone="bad">Revoked</Badge>
              ) : (
                <Button
                  variant="danger"
                  disabled={revoke.isPending}
                  onClick={() => {
                    if (window.confirm(`Revoke “${k.name}”? Integrations using it stop at once.`)) {
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
        ))}
      </DataTable>
    </div>
  );
}
