"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { FormProvider, useForm, type FieldPath } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Channel } from "@/db/schema/enums";
import type { Driver } from "@/server/engine/channels/from-env";
import { settingsFormSchema } from "@/server/settings/form-schema";
import { AudienceFields, ContentFields, SenderFields } from "./audience-fields";
import { BrandFields } from "./brand-fields";
import { CadencePreviewPanel } from "./cadence-preview";
import { DeliveryFields } from "./delivery-fields";
import type { SettingsForm } from "./form-context";
import { SaveDialog } from "./save-dialog";
import { StageLadderFields } from "./stage-ladder-fields";

type Valid = z.infer<typeof settingsFormSchema>;

/**
 * The Settings page's form: owners edit and save (with the preview and the save dialog's counts),
 * marketers see the same form read-only. One zod schema validates here and on the server.
 */
export function SettingsEditor({
  initial,
  version,
  drivers,
  kind,
  timeZone,
  readOnly,
}: {
  initial: SettingsForm;
  version: number;
  drivers: Record<Channel, Driver>;
  kind: "self_study" | "home_services";
  /** The workspace's zone. */
  timeZone: string;
  readOnly: boolean;
}) {
  const form = useForm<SettingsForm, unknown, Valid>({
    resolver: zodResolver(settingsFormSchema),
    defaultValues: initial,
    mode: "onChange",
  });
  // Until React runs, typing would bypass the form's state (no validation, nothing to save), so
  // the fields stay disabled and an early keystroke is refused rather than silently lost.
  const hydrated = useHydrated();
  const [saving, setSaving] = useState<Valid | null>(null);
  const [lateMilestones, setLateMilestones] = useState<"skip" | "send">("skip");
  const existingKeys = initial.settings.cadence.stages.map((s) => s.key);
  const currentLabels = Object.fromEntries(
    initial.settings.cadence.stages.map((s) => [s.key, s.label]),
  );
  return (
    <FormProvider {...form}>
      <form
        noValidate
        aria-label="Settings"
        onSubmit={(e) => void form.handleSubmit((values) => setSaving(values))(e)}
        className="grid gap-4 lg:grid-cols-2"
      >
        <fieldset disabled={!hydrated} className="contents">
          <StageLadderFields existingKeys={existingKeys} readOnly={readOnly} />
          <DeliveryFields drivers={drivers} readOnly={readOnly} />
          <AudienceFields readOnly={readOnly} />
          <ContentFields kind={kind} readOnly={readOnly} />
          <SenderFields readOnly={readOnly} />
          <BrandFields readOnly={readOnly} />
          {!readOnly && (
            <div className="flex flex-wrap items-center gap-3 lg:col-span-2">
              <Button type="submit" disabled={!form.formState.isDirty}>
                Review and save
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={!form.formState.isDirty}
                onClick={() => form.reset(initial)}
              >
                Discard changes
              </Button>
              {Object.keys(form.formState.errors).length > 0 && (
                <p role="status" className="text-sm text-red-700">
                  Some settings need fixing: see the messages above.
                </p>
              )}
            </div>
          )}
        </fieldset>
      </form>
      <div className="mt-4">
        <CadencePreviewPanel
          currentLabels={currentLabels}
          lateMilestones={lateMilestones}
          defaultZone={timeZone}
        />
      </div>
      <SaveDialog
        values={saving}
        version={version}
        lateMilestones={lateMilestones}
        onLateMilestones={setLateMilestones}
        onClose={() => setSaving(null)}
        onServerErrors={(fieldErrors) => {
          for (const [path, messages] of Object.entries(fieldErrors)) {
            form.setError(path as FieldPath<SettingsForm>, {
              type: "server",
              message: messages[0],
            });
          }
        }}
      />
    </FormProvider>
  );
}
