"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td } from "@/components/ui/data-table";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Member } from "@/server/team/members";
import { InviteForm } from "./invite-form";
import { MemberRole } from "./member-role";
import { RemoveDialog } from "./remove-dialog";

const columns = [
  { label: "Member" },
  { label: "Role" },
  { label: "Added", className: "hidden sm:table-cell" },
  { label: "Actions", srOnly: true },
];

/** The Team page: invite, the members with their roles, and removal behind a confirmation. */
export function TeamManager({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const hydrated = useHydrated();
  const members = useQuery(trpc.team.list.queryOptions());
  const [removing, setRemoving] = useState<Member | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey() });
  /** A change to one's own membership may close this page: the server decides what shows next. */
  const afterChange = (member: Member) => () => {
    if (member.userId === currentUserId) router.refresh();
    else void refresh();
  };

  return (
    <div className="space-y-6">
      <InviteForm onInvited={() => void refresh()} />
      {members.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {members.error.message}
        </p>
      )}
      <DataTable caption="Members" columns={columns}>
        {members.isPending && (
          <tr>
            <td colSpan={4} className="px-4 py-8 text-center text-stone-500">
              Loading members…
            </td>
          </tr>
        )}
        {members.data?.map((m) => (
          <tr key={m.userId} data-testid="team-member">
            <Td>
              <span className="block font-medium wrap-anywhere">{m.email}</span>
              {/* The name is a demo's or next-auth's; below sm the email says enough. */}
              <span className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
                {m.name && <span className="hidden sm:inline">{m.name}</span>}
                {m.userId === currentUserId && <Badge tone="brand">You</Badge>}
              </span>
            </Td>
            <Td>
              <MemberRole member={m} onChanged={afterChange(m)} />
            </Td>
            <Td className="hidden whitespace-nowrap text-stone-600 sm:table-cell">
              {formatDateTime(m.joinedAt)}
            </Td>
            <Td className="text-right">
              <Button
                variant="danger"
                disabled={!hydrated}
                onClick={() => setRemoving(m)}
                aria-label={`Remove ${m.email}`}
              >
                Remove
              </Button>
            </Td>
          </tr>
        ))}
      </DataTable>
      <RemoveDialog
        member={removing}
        isSelf={removing?.userId === currentUserId}
        onClose={() => setRemoving(null)}
        onRemoved={removing ? afterChange(removing) : () => {}}
      />
    </div>
  );
}
