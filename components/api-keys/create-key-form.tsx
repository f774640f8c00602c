"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useTRPC } from "@/components/providers/trpc";
import { roleLabel } from "@/components/team/role-label";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { apiKeyInput, type ApiKeyInput } from "@/server/api-keys/key-input";
import { apiKeyScopes, integrationScopes, scopeDescriptions } from "@/server/api-keys/scopes";

const roles = ["analyst", "marketer", "owner"] as const;
const expiries = [
  { value: "never", label: "Never" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 365 days" },
  { value: "custom", label: "After a number of days…" },
] as const;
type Expiry = (typeof expiries)[number]["value"];

const defaults: z.input<typeof apiKeyInput> = {
  name: "",
  role: "analyst",
  scopes: [...integrationScopes],
  expiresInDays: null,
};

/**
 * A new API key: its name, the role it acts as, what it may call (scopes) and when it stops
 * working. The server's zod schema checks the form here first, so the messages are the same.
 */
export function CreateKeyForm({ onCreated }: { onCreated: (key: string) => void }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [expiry, setExpiry] = useState<Expiry>("never");
  const form = useForm<z.input<typeof apiKeyInput>, unknown, ApiKeyInput>({
    resolver: zodResolver(apiKeyInput),
    defaultValues: defaults,
  });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (created) => {
        toast.success(`Key “${created.name}” created. Copy it now: it is shown only once.`);
        form.reset(defaults);
        setExpiry("never");
        onCreated(created.key);
      },
      onError: (error) => {
        const fieldErrors = error.data?.fieldErrors ?? {};
        const fields = (["name", "role", "scopes", "expiresInDays"] as const).filter(
          (f) => fieldErrors[f]?.[0],
        );
        for (const field of fields)
          form.setError(field, { type: "server", message: fieldErrors[field]![0] });
        if (fields.length === 0) toast.error(error.message);
      },
    }),
  );
  const { errors } = form.formState;
  const chooseExpiry = (value: Expiry) => {
    setExpiry(value);
    // A custom expiry starts empty: the form asks for the days rather than never expiring.
    const days = value === "never" ? null : value === "custom" ? Number.NaN : Number(value);
    form.setValue("expiresInDays", days, { shouldValidate: form.formState.isSubmitted });
  };

  return (
    <form
      noValidate
      aria-label="Create an API key"
      onSubmit={(e) => void form.handleSubmit((values) => create.mutate(values))(e)}
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-5"
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <Field
          label="Key name"
          id="key-name"
          hint="Where the key will be used, e.g. “CRM sync”."
          error={errors.name?.message}
        >
          {(control) => <Input {...control} autoComplete="off" {...form.register("name")} />}
        </Field>
        <Field
          label="Role"
          id="key-role"
          hint="The key acts as this role where a role decides: MCP tools, and activation (owner only)."
          error={errors.role?.message}
        >
          {(control) => (
            <Select {...control} {...form.register("role")}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="grid gap-2">
          <Field
            label="Expires"
            id="key-expiry"
            hint={expiry === "never" ? "Until you revoke it." : undefined}
            error={expiry === "custom" ? undefined : errors.expiresInDays?.message}
          >
            {(control) => (
              <Select
                {...control}
                value={expiry}
                onChange={(e) => chooseExpiry(e.target.value as Expiry)}
              >
                {expiries.map((x) => (
                  <option key={x.value} value={x.value}>
                    {x.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {expiry === "custom" && (
            <Field
              label="Days until it expires"
              id="key-expiry-days"
              hint="1 to 3,650 days."
              error={errors.expiresInDays?.message}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={3650}
                  {...form.register("expiresInDays", { valueAsNumber: true })}
                />
              )}
            </Field>
          )}
        </div>
      </div>
      <Controller
        control={form.control}
        name="scopes"
        render={({ field }) => {
          const value = field.value ?? [];
          return (
            <fieldset aria-describedby={errors.scopes ? "key-scopes-error" : undefined}>
              <legend className="mb-1 text-xs font-medium text-stone-600">
                Scopes: what the key may call
              </legend>
              <ul className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
                {apiKeyScopes.map((scope) => (
                  <li key={scope}>
                    <label className="flex items-start gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="mt-0.5"
                        aria-labelledby={`scope-${scope.replace(":", "-")}`}
                        aria-describedby={`scope-${scope.replace(":", "-")}-description`}
                        checked={value.includes(scope)}
                        onChange={(e) =>
                          field.onChange(
                            e.target.checked
                              ? apiKeyScopes.filter((s) => s === scope || value.includes(s))
                              : value.filter((s) => s !== scope),
                          )
                        }
                      />
                      <span className="min-w-0">
                        <span
                          id={`scope-${scope.replace(":", "-")}`}
                          className="font-mono text-xs font-medium"
                        >
                          {scope}
                        </span>
                        <span
                          id={`scope-${scope.replace(":", "-")}-description`}
                          className="block text-xs text-stone-500"
                        >
                          {scopeDescriptions[scope]}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              {errors.scopes && (
                <p id="key-scopes-error" role="alert" className="mt-1 text-xs text-red-700">
                  {errors.scopes.message}
                </p>
              )}
            </fieldset>
          );
        }}
      />
      <div>
        <Button type="submit" disabled={!hydrated || create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
}
