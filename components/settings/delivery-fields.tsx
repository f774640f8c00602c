"use client";

import { useState } from "react";
import { Controller } from "react-hook-form";
import { channelNames } from "@/components/format";
import { Field, Input } from "@/components/ui/field";
import type { Channel } from "@/db/schema/enums";
import type { Driver } from "@/server/engine/channels/from-env";
import { useFieldError, useSettingsForm } from "./form-context";
import { Section } from "./section";

const allChannels: Channel[] = ["email", "sms", "web_push", "zalo"];

const driverNames: Record<Driver, string> = {
  outbox: "the Outbox (no provider configured)",
  resend: "Resend",
  twilio: "Twilio",
  "web-push": "Web Push (VAPID)",
  zalo: "Zalo Official Account",
};

/** Channels with the provider each goes through, quiet hours, and the retry policy. */
export function DeliveryFields({
  drivers,
  readOnly,
}: {
  drivers: Record<Channel, Driver>;
  readOnly: boolean;
}) {
  const { control, register } = useSettingsForm();
  const channelsError = useFieldError("settings.channels", "Channels");
  const startError = useFieldError("settings.quietHours.start", "Start");
  const endError = useFieldError("settings.quietHours.end", "End");
  const resumeError = useFieldError("settings.quietHours.resumeAt", "Resume at");
  return (
    <Section
      title="Delivery"
      description="A reminder goes to every enabled channel the contact can receive, at most one per channel per local day."
    >
      <Controller
        control={control}
        name="settings.channels"
        render={({ field }) => (
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-stone-600">Channels</legend>
            <ul className="grid gap-2 sm:grid-cols-2">
              {allChannels.map((channel) => (
                <li key={channel}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="mt-0.5"
                      disabled={readOnly}
                      checked={field.value.includes(channel)}
                      onChange={(e) =>
                        field.onChange(
                          e.target.checked
                            ? allChannels.filter((c) => c === channel || field.value.includes(c))
                            : field.value.filter((c) => c !== channel),
                        )
                      }
                    />
                    <span>
                      <span className="font-medium">{channelNames[channel]}</span>
                      <span className="block text-xs text-stone-500">
                        through {driverNames[drivers[channel]]}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {channelsError && (
              <p role="alert" className="mt-1 text-xs text-red-700">
                {channelsError}
              </p>
            )}
          </fieldset>
        )}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          label="Quiet hours start"
          id="quiet-start"
          error={startError}
          hint="24-hour, e.g. 22:00"
        >
          {(c) => <Input {...c} readOnly={readOnly} {...register("settings.quietHours.start")} />}
        </Field>
        <Field
          label="Quiet hours end"
          id="quiet-end"
          error={endError}
          hint="Not quiet from this time"
        >
          {(c) => <Input {...c} readOnly={readOnly} {...register("settings.quietHours.end")} />}
        </Field>
        <Field
          label="Resume at"
          id="quiet-resume"
          error={resumeError}
          hint="Held sends go out then"
        >
          {(c) => (
            <Input {...c} readOnly={readOnly} {...register("settings.quietHours.resumeAt")} />
          )}
        </Field>
      </div>
      <RetriesField readOnly={readOnly} />
    </Section>
  );
}

/** The retry offsets as a list people type ("5, 30, 120" minutes); its count is the retry limit. */
function RetriesField({ readOnly }: { readOnly: boolean }) {
  const { control } = useSettingsForm();
  const error = useFieldError("settings.retryOffsetsMinutes", "Retries");
  return (
    <Controller
      control={control}
      name="settings.retryOffsetsMinutes"
      render={({ field, fieldState }) => (
        <RetriesInput
          value={field.value}
          onChange={field.onChange}
          readOnly={readOnly}
          error={
            error ??
            (fieldState.error ? "Retries must be whole minutes, each at least 1" : undefined)
          }
        />
      )}
    />
  );
}

function RetriesInput({
  value,
  onChange,
  readOnly,
  error,
}: {
  value: number[];
  onChange: (value: number[]) => void;
  readOnly: boolean;
  error?: string;
}) {
  const [text, setText] = useState(value.join(", "));
  return (
    <Field
      label="Retry after a transient failure (minutes)"
      id="retries"
      error={error}
      hint="Comma-separated; each counts from the failed attempt. Empty: no retries."
    >
      {(c) => (
        <Input
          {...c}
          readOnly={readOnly}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const parts = e.target.value
              .split(",")
              .map((p) => p.trim())
              .filter(Boolean);
            onChange(parts.map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN)));
          }}
        />
      )}
    </Field>
  );
}
