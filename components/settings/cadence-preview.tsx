"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { channelNames, formatDateTime } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { useDebounced } from "@/components/ui/use-debounced";
import { editableSettingsSchema } from "@/server/settings/form-schema";
import type { CadencePreview } from "@/server/settings/preview";
import { ContactPicker } from "@/components/templates/contact-picker";
import { Button } from "@/components/ui/button";
import { useSettingsForm } from "./form-context";
import { TypedSampleForm, type TypedSample } from "./typed-sample-form";

type Reminder = CadencePreview["current"][number];

/**
 * SPEC §3: the next 12 months of reminders of sample contacts under the current settings and the
 * form's, side by side, computed by the engine's planner on the server as the owner types.
 */
export function CadencePreviewPanel({
  currentLabels,
  lateMilestones,
  defaultZone,
}: {
  currentLabels: Record<string, string>;
  lateMilestones: "skip" | "send";
  /** The workspace's zone, for a contact typed in. */
  defaultZone: string;
}) {
  const trpc = useTRPC();
  const { control } = useSettingsForm();
  const values = useWatch({ control, name: "settings" });
  const parsed = editableSettingsSchema.safeParse(values);
  const settings = useDebounced(parsed.success ? parsed.data : null);
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const [typed, setTyped] = useState<TypedSample[]>([]);
  const full = contactIds.length + typed.length >= 10;
  const preview = useQuery({
    ...trpc.settings.preview.queryOptions({
      settings: settings!,
      contactIds,
      typed,
      lateMilestones,
    }),
    enabled: settings !== null,
    placeholderData: keepPreviousData,
  });
  const newLabels = Object.fromEntries(
    (parsed.success ? parsed.data.cadence.stages : []).map((s) => [s.key, s.label]),
  );
  return (
    <section aria-label="Preview" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 className="text-sm font-semibold text-stone-800">Preview: the next 12 months</h2>
      <p className="mt-1 text-sm text-stone-600">
        The engine plans each sample contact as if they stayed inactive and every reminder went out
        when due, under the settings in force and under yours. Times are the contact&apos;s local
        time.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <ContactPicker value={picked} chosenName={null} onChange={setPicked} />
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={!picked || contactIds.includes(picked) || full}
          onClick={() => picked && setContactIds([...contactIds, picked])}
        >
          Add to the preview
        </Button>
      </div>
      <div className="mt-3">
        <TypedSampleForm
          defaultZone={defaultZone}
          disabled={full}
          onAdd={(sample) => setTyped([...typed, sample])}
        />
      </div>
      {(contactIds.length > 0 || typed.length > 0) && (
        <div className="mt-2">
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setContactIds([]);
              setTyped([]);
            }}
          >
            Back to the default samples
          </Button>
        </div>
      )}
      {!parsed.success && (
        <p className="mt-3 text-sm text-amber-800">Fix the errors above to see the preview.</p>
      )}
      {preview.error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {preview.error.message}
        </p>
      )}
      <div className="mt-4 grid gap-4">
        {preview.data?.map((sample, i) => (
          <article
            key={`${sample.label}-${i}`}
            className="rounded-md border border-stone-200 p-3"
            data-testid="preview-sample"
          >
            <h3 className="text-sm font-medium">
              {sample.label} <span className="font-normal text-stone-500">· {sample.zone}</span>
            </h3>
            <div className="mt-2 grid gap-3 md:grid-cols-2">
              <ReminderList
                title="Now"
                list={sample.current}
                zone={sample.zone}
                labels={currentLabels}
              />
              <ReminderList
                title="With your changes"
                list={sample.proposed}
                zone={sample.zone}
                labels={{ ...currentLabels, ...newLabels }}
                compare={sample.current}
              />
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}

/** The planner's reasons, each said once: a skip's reason is the same on every channel. */
const whyOnce = (why: string[]) => [
  ...new Set(why.map((w) => w.replace(/^Not sent on [a-z_]+: /, "Not sent: "))),
];

const sameAs = (a: Reminder, b: Reminder) =>
  a.key === b.key && new Date(a.dueAt).getTime() === new Date(b.dueAt).getTime();

function ReminderList({
  title,
  list,
  zone,
  labels,
  compare,
}: {
  title: string;
  list: Reminder[];
  zone: string;
  labels: Record<string, string>;
  compare?: Reminder[];
}) {
  return (
    <div>
      <h4 className="text-xs font-medium uppercase tracking-wide text-stone-500">{title}</h4>
      {list.length === 0 ? (
        <p className="mt-1 text-sm text-stone-500">No reminders in the next 12 months.</p>
      ) : (
        <ol className="mt-1 divide-y divide-stone-100 text-sm">
          {list.map((r, i) => {
            const changed = compare && !compare.some((c) => sameAs(c, r));
            const sending = r.channels.filter((c) => c.status === "sent");
            return (
              <li key={i} className="py-1.5" data-changed={changed ? "true" : undefined}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">
                    {r.key === "recurring"
                      ? `Recurring reminder ${r.sequence}`
                      : (labels[r.key] ?? r.key)}
                  </span>
                  {changed && <Badge tone="brand">changed</Badge>}
                </div>
                <div className="text-stone-600">
                  {sending.length
                    ? `${formatDateTime(new Date(r.dueAt), zone)} on ${sending.map((c) => channelNames[c.channel]).join(" + ")}`
                    : `Not sent (${r.channels
                        .map((c) => c.reason ?? c.status)
                        .filter((v, j, a) => a.indexOf(v) === j)
                        .join(", ")
                        .replaceAll("_", " ")})`}
                </div>
                {r.why.length > 0 && (
                  <ul className="text-xs text-stone-500">
                    {whyOnce(r.why).map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
