import Link from "next/link";
import { channelNames } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import { ChannelOffAction } from "./owner-actions";
import { tagWords } from "./tag-words";

type Profile = inferRouterOutputs<AppRouter>["contacts"]["profile"];

const stateTone = { subscribed: "good", unsubscribed: "neutral", unreachable: "bad" } as const;

/** "vi-VN" → "Vietnamese (Vietnam)"; a tag the runtime cannot name stays as given. */
function localeName(locale: string): string {
  try {
    return (
      new Intl.DisplayNames(["en"], { type: "language", languageDisplay: "standard" }).of(locale) ??
      locale
    );
  } catch {
    return locale;
  }
}

/**
 * Who the contact is to the engine: channels with their state and masked address (an owner can
 * turn one off), tags (each opens the list filtered by it) and locale.
 */
export function ContactProfile({
  contactId,
  name,
  profile,
  stageLabels,
  canWrite,
}: {
  contactId: string;
  name: string;
  profile: Profile;
  stageLabels: Record<string, string>;
  canWrite: boolean;
}) {
  return (
    <section aria-labelledby="profile-heading" className="space-y-3">
      <h2 id="profile-heading" className="sr-only">
        Channels, tags and locale
      </h2>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="rounded-lg border border-stone-200 bg-white p-4 lg:col-span-2">
          <h3 className="mb-2 text-sm font-semibold text-stone-700">Channels</h3>
          <ul className="divide-y divide-stone-100" aria-label="Channels">
            {profile.channels.map((c) => {
              const channelName = channelNames[c.channel] ?? c.channel;
              return (
                <li
                  key={c.channel}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm"
                  data-testid={`channel-${c.channel}`}
                >
                  <span className="w-20 font-medium">{channelName}</span>
                  <Badge tone={c.state ? stateTone[c.state] : "neutral"}>
                    {c.state ?? "not set"}
                  </Badge>
                  <span className="min-w-0 break-all text-stone-600">
                    {c.address ?? <span className="text-stone-500">no address</span>}
                  </span>
                  {canWrite && (c.state === "subscribed" || c.state === "unreachable") && (
                    <span className="ml-auto">
                      <ChannelOffAction contactId={contactId} name={name} channel={c.channel} />
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="mt-2 text-xs text-stone-500">
            Addresses are masked. Each channel has its own state: turning one off leaves the others
            as they are.
          </p>
        </div>
        <div className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <div>
            <h3 className="mb-2 text-sm font-semibold text-stone-700">Tags</h3>
            {profile.tags.length === 0 ? (
              <p className="text-sm text-stone-500">No tags.</p>
            ) : (
              <ul className="flex flex-wrap gap-1" aria-label="Tags">
                {profile.tags.map((tag) => (
                  <li key={tag}>
                    <Link
                      href={`/contacts?tag=${encodeURIComponent(tag)}`}
                      title={`Contacts tagged ${tag}`}
                      className="rounded-full"
                    >
                      <Badge tone={tag === "do-not-contact" ? "bad" : "brand"}>
                        {tagWords(tag, stageLabels)}
                      </Badge>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold text-stone-700">Locale</h3>
            <p className="text-sm" data-testid="contact-locale">
              {profile.locale ? (
                <>
                  {localeName(profile.locale)}{" "}
                  <span className="text-stone-500">({profile.locale})</span>
                </>
              ) : (
                <span className="text-stone-500">Not set: messages use the workspace&apos;s.</span>
              )}
            </p>
          </div>
        </div>
      </div>
    </section>
  );
}
