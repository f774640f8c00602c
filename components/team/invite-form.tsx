"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { inviteInput, roleHints, teamRoles, type InviteInput } from "@/server/team/schema";
import { roleLabel } from "./role-label";

/**
 * Invites someone by email with a role. The server's zod schema checks the form here first, so
 * the messages are the same; what only the server knows (already a member) comes back to the
 * field it is about.
 */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const form = useForm<z.input<typeof inviteInput>, unknown, InviteInput>({
    resolver: zodResolver(inviteInput),
    defaultValues: { email: "", role: "marketer" },
  });
  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      onSuccess: (invitation) => {
        toast.success(
          `Invitation sent to ${invitation.email} as ${invitation.role}. They sign in with the link in it.`,
        );
        form.reset();
        onInvited();
      },
      onError: (error) => {
        const fieldErrors = error.data?.fieldErrors ?? {};
        if (error.data?.code === "CONFLICT") fieldErrors.email = [error.message];
        const fields = (["email", "role"] as const).filter((f) => fieldErrors[f]?.[0]);
        for (const field of fields)
          form.setError(field, { type: "server", message: fieldErrors[field]![0] });
        if (fields.length === 0) toast.error(error.message);
      },
    }),
  );
  const { errors } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });
  return (
    <form
      noValidate
      aria-label="Invite a member"
      onSubmit={(e) => void form.handleSubmit((values) => invite.mutate(values))(e)}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-start"
    >
      <Field
        label="Email"
        id="invite-email"
        hint="Their work address: the sign-in link goes there."
        error={errors.email?.message}
      >
        {(control) => (
          <Input {...control} type="email" autoComplete="off" {...form.register("email")} />
        )}
      </Field>
      <Field
        label="Role"
        id="invite-role"
        hint={teamRoles.includes(role) ? `May use ${roleHints[role]}.` : undefined}
        error={errors.role?.message}
      >
        {(control) => (
          <Select {...control} {...form.register("role")}>
            {teamRoles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={!hydrated || invite.isPending} className="sm:mt-5">
        {invite.isPending ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}
