"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { channelNames } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmAction } from "./confirm-action";

type Channel = "email" | "sms" | "web_push" | "zalo";

/**
 * The owner tags the contact `do-not-contact` or removes the tag. The page reloads its data
 * afterwards: the tag, the timeline's new event and what happens next.
 */
export function DoNotContactAction({
  contactId,
  name,
  tagged,
}: {
  contactId: string;
  name: string;
  tagged: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.contacts.setDoNotContact.mutationOptions());
  return tagged ? (
    <ConfirmAction
      trigger="Remove do-not-contact"
      title={`Remove do-not-contact from ${name}?`}
      description="The engine plans this contact again at once: a stage reached meanwhile is sent at the next allowed time, on the channels the contact is subscribed to."
      confirm="Remove the tag"
      pending="Removing…"
      onConfirm={async () => {
        const result = await change.mutateAsync({ contactId, on: false });
        toast.success(
          result.changed
            ? `${name} is no longer tagged do-not-contact.`
            : `${name} was not tagged do-not-contact.`,
        );
        router.refresh();
      }}
    />
  ) : (
    <ConfirmAction
      trigger="Add do-not-contact"
      tone="danger"
      title={`Tag ${name} do-not-contact?`}
      description="Nothing more is planned or sent to this contact on any channel, including reminders already waiting, until the tag is removed. The change is logged on the timeline and in the audit log."
      confirm="Tag do-not-contact"
      pending="Tagging…"
      onConfirm={async () => {
        const result = await change.mutateAsync({ contactId, on: true });
        toast.success(
          result.changed
            ? `${name} is tagged do-not-contact: nothing more is sent.`
            : `${name} was already tagged do-not-contact.`,
        );
        router.refresh();
      }}
    />
  );
}

/** The owner turns one channel off for the contact; only the contact can opt in again. */
export function ChannelOffAction({
  contactId,
  name,
  channel,
}: {
  contactId: string;
  name: string;
  channel: Channel;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const off = useMutation(trpc.contacts.turnChannelOff.mutationOptions());
  const channelName = channelNames[channel] ?? channel;
  return (
    <ConfirmAction
      trigger="Turn off"
      triggerLabel={`Turn off ${channelName}`}
      tone="danger"
      title={`Turn off ${channelName} for ${name}?`}
      description={`No more reminders go to ${name} on ${channelName}, including one already waiting; the other channels stay as they are. Only the contact can subscribe again, from the preference center.`}
      confirm={`Turn off ${channelName}`}
      pending="Turning off…"
      onConfirm={async () => {
        const result = await off.mutateAsync({ contactId, channel });
        toast.success(
          result.changed
            ? `${channelName} is off for ${name}.`
            : `${channelName} was already off for ${name}.`,
        );
        router.refresh();
      }}
    />
  );
}
