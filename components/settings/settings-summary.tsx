import { channelNames } from "@/components/format";
import type { Channel } from "@/db/schema/enums";
import type { Driver } from "@/server/engine/channels/from-env";
import type { TenantSettings } from "@/server/settings/schema";
import type { ReactNode } from "react";

const driverNames: Record<Driver, string> = {
  outbox: "the Outbox (no provider configured)",
  resend: "Resend",
  twilio: "Twilio",
  "web-push": "Web Push (VAPID)",
  zalo: "Zalo Official Account",
};

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-5" aria-label={title}>
      <h2 className="text-sm font-semibold text-stone-800">{title}</h2>
      <div className="mt-3 text-sm text-stone-700">{children}</div>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5">
      <dt className="text-stone-500">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

export function SettingsSummary({
  settings,
  drivers,
}: {
  settings: TenantSettings;
  /** Which provider each channel goes through on this server. */
  drivers: Record<Channel, Driver>;
}) {
  const { cadence, quietHours } = settings;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Cadence">
        <table className="w-full text-sm">
          <caption className="sr-only">Reminder stages</caption>
          <thead className="text-left text-xs uppercase tracking-wide text-stone-500">
            <tr>
              <th scope="col" className="py-1">
                Stage
              </th>
              <th scope="col" className="py-1">
                Key
              </th>
              <th scope="col" className="py-1 text-right">
                Reached after
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {cadence.stages.map((s) => (
              <tr key={s.key}>
                <td className="py-2 font-medium">{s.label}</td>
                <td className="py-2 font-mono text-xs text-stone-500">{s.key}</td>
                <td className="py-2 text-right">
                  {s.threshold} {s.unit}
                  {s.threshold === 1 ? "" : "s"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-stone-600">
          {cadence.recurringEveryDays
            ? `Then a recurring reminder every ${cadence.recurringEveryDays} days while the contact stays inactive.`
            : "No recurring reminder after the last stage."}{" "}
          Thresholds count from the local date of the last activity; a stage is reached at local
          midnight.
        </p>
      </Card>
      <Card title="Delivery">
        <dl className="divide-y divide-stone-100">
          <Row label="Channels">
            {settings.channels.map((c) => channelNames[c] ?? c).join(" + ")}
          </Row>
          {settings.channels.map((c) => (
            <Row key={c} label={`${channelNames[c] ?? c} sends through`}>
              {driverNames[drivers[c]]}
            </Row>
          ))}
          <Row label="Quiet hours">
            {quietHours.start}–{quietHours.end}, resume at {quietHours.resumeAt}
          </Row>
          <Row label="Cap">1 reminder per channel per local day</Row>
          <Row label="Retries after a transient failure">
            {settings.retryOffsetsMinutes
              .map((m) => (m % 60 === 0 ? `${m / 60} h` : `${m} min`))
              .join(", ")}
          </Row>
        </dl>
      </Card>
      <Card title="Audience">
        <dl className="divide-y divide-stone-100">
          <Row label="Exclude “do-not-contact”">{settings.excludeDoNotContact ? "Yes" : "No"}</Row>
          <Row label="Holdout">{settings.holdoutPercent}%</Row>
          <Row label="Attribution window">{settings.attributionWindowDays} days</Row>
        </dl>
      </Card>
      <Card title="Content">
        <dl className="divide-y divide-stone-100">
          <Row label="Fresh exercise window">{settings.freshWindowDays} days</Row>
          <Row label="Offer">
            {settings.offer ? `${settings.offer.title} (${settings.offer.code})` : "None"}
          </Row>
          {settings.offer && <Row label="Booking link">{settings.offer.bookingUrl}</Row>}
          <Row label="Customers' names are written">
            {settings.nameOrder === "family_first"
              ? "Family name first: “Hi Hương” for Phan Diễm Hương"
              : "Given name first: “Hi Maria” for Maria Lopez"}
          </Row>
          <Row label="Marketers may approve their own variants">
            {settings.allowSelfApproval ? "Yes" : "No"}
          </Row>
        </dl>
      </Card>
    </div>
  );
}
