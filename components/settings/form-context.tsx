"use client";

import { useFormContext, type FieldPath } from "react-hook-form";
import type { z } from "zod";
import type { settingsFormSchema } from "@/server/settings/form-schema";

/** What the Settings form edits: the settings and the sender (the late-milestone choice is asked on save). */
export type SettingsForm = z.input<typeof settingsFormSchema>;
export type SettingsPath = FieldPath<SettingsForm>;

export const useSettingsForm = () => useFormContext<SettingsForm>();

/**
 * The error of a field, as a sentence that starts with its name ("Threshold must come after …"),
 * or undefined. The schema's messages are written to follow the field's name.
 */
export function useFieldError(path: SettingsPath, label: string): string | undefined {
  const { getFieldState, formState } = useSettingsForm();
  const error = getFieldState(path, formState).error;
  if (!error?.message) return undefined;
  // The server's errors are whole sentences already.
  return error.type === "server" ? error.message : `${label} ${error.message}`;
}
