import type { Channel } from "@/db/schema/enums";
import { changeChannel } from "@/app/p/[id]/actions";
import { Button } from "@/components/ui/button";

type Props = {
  /** The preference center's link id, checked again by the action. */
  link: string;
  channel: Channel;
  label: string;
  address: string;
  state: "subscribed" | "unsubscribed" | "unreachable";
};

/** One channel of the preference center: its state in words and the button that flips it. */
export function ChannelSwitch({ link, channel, label, address, state }: Props) {
  const on = state === "subscribed";
  return (
    <form action={changeChannel} className="flex items-center justify-between gap-4 p-4">
      <input type="hidden" name="link" value={link} />
      <input type="hidden" name="channel" value={channel} />
      <input type="hidden" name="state" value={on ? "unsubscribed" : "subscribed"} />
      <div>
        <p className="font-medium">{label}</p>
        <p className="text-sm text-stone-500">{address}</p>
        <p className="mt-1 text-sm" data-testid={`state-${channel}`}>
          {on
            ? "On: you get reminders here."
            : state === "unreachable"
              ? "Off: messages here could not be delivered."
              : "Off: you get nothing here."}
        </p>
      </div>
      <Button
        variant={on ? "secondary" : "primary"}
        type="submit"
        aria-label={`${on ? "Turn off" : "Turn on"} ${label}`}
      >
        {on ? "Turn off" : "Turn on"}
      </Button>
    </form>
  );
}
