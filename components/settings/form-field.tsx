"use client";

import { Controller } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { useFieldError, useSettingsForm, type SettingsPath } from "./form-context";

/** A number or text field of the form with its label, hint and worded error. */
export function FormField({
  path,
  label,
  hint,
  type = "text",
  readOnly,
  emptyIsNull = false,
}: {
  path: SettingsPath;
  label: string;
  hint?: string;
  type?: "text" | "number" | "email" | "url" | "date";
  /** Text a person may leave empty for "none" (stored as null). */
  emptyIsNull?: boolean;
  readOnly: boolean;
}) {
  const { register } = useSettingsForm();
  const error = useFieldError(path, label);
  const id = path.replaceAll(".", "-");
  return (
    <Field label={label} id={id} hint={hint} error={error}>
      {(c) => (
        <Input
          {...c}
          type={type}
          readOnly={readOnly}
          {...register(
            path,
            type === "number"
              ? { valueAsNumber: true }
              : emptyIsNull
                ? { setValueAs: (v: string | null) => v?.trim() || null }
                : {},
          )}
        />
      )}
    </Field>
  );
}

/** A labelled on/off setting. */
export function SwitchField({
  path,
  label,
  readOnly,
}: {
  path: SettingsPath;
  label: string;
  readOnly: boolean;
}) {
  const { control } = useSettingsForm();
  return (
    <Controller
      control={control}
      name={path}
      render={({ field }) => (
        <label className="flex items-center gap-2 text-sm text-stone-700">
          <Switch
            checked={field.value === true}
            disabled={readOnly}
            onCheckedChange={field.onChange}
            aria-label={label}
          />
          {label}
        </label>
      )}
    />
  );
}
