"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Select } from "@/components/ui/field";
import type { Member } from "@/server/team/members";
import { teamRoles } from "@/server/team/schema";
import { roleLabel } from "./role-label";

/**
 * A member's role, changed by choosing another: it applies at once, and the list follows. While
 * the change is on its way the choice shows; a refusal (the last owner) puts the role back and
 * says why.
 */
export function MemberRole({ member, onChanged }: { member: Member; onChanged: () => void }) {
  const trpc = useTRPC();
  const change = useMutation(
    trpc.team.changeRole.mutationOptions({
      onSuccess: (result) => {
        if (result.changed) toast.success(`${result.email} is now ${result.to.join(", ")}.`);
        onChanged();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const mixed = member.roles.length !== 1;
  const current = mixed ? "" : member.roles[0];
  const value = change.isPending ? change.variables.role : current;
  return (
    <Select
      aria-label={`Role of ${member.email}`}
      value={value}
      disabled={change.isPending}
      onChange={(e) => {
        const role = teamRoles.find((r) => r === e.target.value);
        if (role) change.mutate({ userId: member.userId, role });
      }}
      className="w-auto min-w-28"
    >
      {mixed && (
        <option value="" disabled>
          {member.roles.map(roleLabel).join(" + ")}
        </option>
      )}
      {teamRoles.map((r) => (
        <option key={r} value={r}>
          {roleLabel(r)}
        </option>
      ))}
    </Select>
  );
}
