import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/runtime";
import { ChannelSwitch } from "@/components/preferences/channel-switch";
import { PushOptIn } from "@/components/preferences/push-opt-in";
import { env } from "@/server/env";
import { resolveLink } from "@/server/links/resolve-link";
import { preferencesOf } from "@/server/preferences/preference-center";

export const metadata: Metadata = { title: "Your message preferences" };

/** SPEC §1.5: the contact's own page, reached by the short link in every message. */
export default async function PreferenceCenter({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  const resolved = await resolveLink(db, id, "preferences", new Date());
  if (!resolved.ok) redirect(`/links/${resolved.problem}`);
  const prefs = await preferencesOf(db, resolved.link.tenantId, resolved.link.contactId);
  if (!prefs) redirect("/links/gone");
  return (
    <main className="mx-auto max-w-lg px-6 py-16">
      <p className="text-sm font-semibold text-brand-600">{prefs.business}</p>
      <h1 className="mt-1 text-2xl font-semibold">How we reach you</h1>
      <p className="mt-2 text-stone-600">
        {prefs.name ? `${prefs.name}, choose` : "Choose"} where {prefs.business} may send you
        reminders. Each channel is separate: turning one off leaves the others as they are.
      </p>
      {prefs.offersPush && env.VAPID_PUBLIC_KEY && (
        <div className="mt-8 rounded-lg border border-stone-200 bg-white">
          <PushOptIn link={id} publicKey={env.VAPID_PUBLIC_KEY} />
        </div>
      )}
      {prefs.channels.length === 0 ? (
        <p className="mt-8 text-stone-600">We have no way to reach you at the moment.</p>
      ) : (
        <ul className="mt-8 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {prefs.channels.map((c) => (
            <li key={c.channel}>
              <ChannelSwitch link={id} {...c} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
