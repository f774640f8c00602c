"use client";

import { Field, Input } from "@/components/ui/field";
import { useFieldError, useSettingsForm } from "./form-context";
import { FormField } from "./form-field";
import { Section } from "./section";

/** How the workspace's emails look: the call-to-action button's colour and a logo on top. */
export function BrandFields({ readOnly }: { readOnly: boolean }) {
  const { register, watch } = useSettingsForm();
  const color = watch("settings.brand.color");
  const colorError = useFieldError("settings.brand.color", "Button colour");
  return (
    <Section
      title="Email brand"
      description="Every email shows the logo on top and its call to action as a button in this colour."
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <Field
          label="Button colour"
          id="brand-color"
          error={colorError}
          hint="#RRGGBB; white text must stay readable on it."
        >
          {(c) => <Input {...c} readOnly={readOnly} {...register("settings.brand.color")} />}
        </Field>
        <span
          aria-hidden
          className="mb-6 inline-flex h-9 items-center rounded-md px-4 text-sm font-semibold text-white"
          style={{ background: /^#[0-9a-fA-F]{6}$/.test(color ?? "") ? color : "#c2410c" }}
        >
          Book now
        </span>
      </div>
      <FormField
        path="settings.brand.logoUrl"
        label="Logo"
        type="url"
        hint="An https:// image about 40 px high; empty for none."
        readOnly={readOnly}
        emptyIsNull
      />
    </Section>
  );
}
