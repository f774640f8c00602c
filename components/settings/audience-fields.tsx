"use client";

import { Field, Input, Select } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { useSettingsForm } from "./form-context";
import { FormField, SwitchField } from "./form-field";
import { Section } from "./section";

export function AudienceFields({ readOnly }: { readOnly: boolean }) {
  return (
    <Section title="Audience and measurement">
      <SwitchField
        path="settings.excludeDoNotContact"
        label="Exclude contacts tagged “do-not-contact”"
        readOnly={readOnly}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          path="settings.holdoutPercent"
          label="Holdout (%)"
          type="number"
          hint="Newly dormant contacts held out to measure lift; 0 to 50."
          readOnly={readOnly}
        />
        <FormField
          path="settings.attributionWindowDays"
          label="Attribution window (days)"
          type="number"
          hint="A return this soon after a reminder counts as a reactivation."
          readOnly={readOnly}
        />
      </div>
    </Section>
  );
}

/** The offer, the links and the wording choices of the messages. */
export function ContentFields({
  kind,
  readOnly,
}: {
  kind: "self_study" | "home_services";
  readOnly: boolean;
}) {
  const { register, setValue, watch } = useSettingsForm();
  const offer = watch("settings.offer");
  return (
    <Section title="Content">
      {kind === "self_study" && (
        <FormField
          path="settings.freshWindowDays"
          label="Fresh exercise window (days)"
          type="number"
          hint="Exercises published this recently are recommended as new."
          readOnly={readOnly}
        />
      )}
      <FormField
        path="settings.appUrl"
        label="App link"
        type="url"
        hint="Where a reminder's button leads when there is no booking link."
        readOnly={readOnly}
      />
      <label className="flex items-center gap-2 text-sm text-stone-700">
        <Switch
          checked={offer !== null}
          disabled={readOnly}
          aria-label="Offer"
          onCheckedChange={(on) =>
            setValue(
              "settings.offer",
              on ? { title: "", code: "", expiresAt: null, bookingUrl: "https://" } : null,
              { shouldDirty: true },
            )
          }
        />
        Include an offer
      </label>
      {offer !== null && (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField path="settings.offer.title" label="Offer title" readOnly={readOnly} />
          <FormField path="settings.offer.code" label="Offer code" readOnly={readOnly} />
          <Field label="Offer expires" id="offer-expires" hint="Leave empty for no expiry.">
            {(c) => (
              <Input
                {...c}
                type="date"
                readOnly={readOnly}
                {...register("settings.offer.expiresAt", { setValueAs: (v: string) => v || null })}
              />
            )}
          </Field>
          <FormField
            path="settings.offer.bookingUrl"
            label="Booking link"
            type="url"
            hint="https:// only."
            readOnly={readOnly}
          />
        </div>
      )}
      <Field label="Customers' names are written" id="name-order">
        {(c) => (
          <Select {...c} disabled={readOnly} {...register("settings.nameOrder")}>
            <option value="given_first">Given name first (“Hi Maria” for Maria Lopez)</option>
            <option value="family_first">Family name first (“Hi Hương” for Phan Diễm Hương)</option>
          </Select>
        )}
      </Field>
      <SwitchField
        path="settings.allowSelfApproval"
        label="Marketers may approve their own variants"
        readOnly={readOnly}
      />
    </Section>
  );
}

export function SenderFields({ readOnly }: { readOnly: boolean }) {
  return (
    <Section
      title="Sender"
      description="Who email reminders come from; the postal address is printed in every email's footer."
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField path="sender.name" label="Sender name" readOnly={readOnly} />
        <FormField path="sender.email" label="Sender email" type="email" readOnly={readOnly} />
      </div>
      <FormField path="sender.postalAddress" label="Postal address" readOnly={readOnly} />
    </Section>
  );
}
