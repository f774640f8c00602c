"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import type { Member } from "@/server/team/members";

/**
 * Asks before removing `member` (null: closed). A refusal (the last owner) stays in the dialog,
 * next to the button that caused it.
 */
export function RemoveDialog({
  member,
  isSelf,
  onClose,
  onRemoved,
}: {
  member: Member | null;
  isSelf: boolean;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const trpc = useTRPC();
  const remove = useMutation(
    trpc.team.remove.mutationOptions({
      onSuccess: (removal) => {
        toast.success(`${removal.email} was removed from the workspace.`);
        onClose();
        onRemoved();
      },
    }),
  );
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={member !== null} onOpenChange={(open) => !open && close()}>
      <DialogContent
        title={member ? `Remove ${member.email}?` : "Remove member"}
        description={
          isSelf
            ? "You lose access to this workspace at once. Another owner can invite you again."
            : "They lose access at once: their next page or click is refused. You can invite them again later."
        }
      >
        {remove.error && (
          <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {remove.error.message}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            disabled={remove.isPending || !member}
            onClick={() => member && remove.mutate({ userId: member.userId })}
          >
            {remove.isPending ? "Removing…" : "Remove"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
