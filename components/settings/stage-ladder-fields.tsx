"use client";

import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { stageKeyFromLabel } from "@/server/settings/form-schema";
import { useFieldError, useSettingsForm } from "./form-context";
import { Section } from "./section";

/**
 * The cadence: one-time stages from shortest to longest, and the recurring reminder. A stage
 * that exists keeps its key (its templates, tags and history use it) when renamed; a new stage's
 * key comes from its label.
 */
export function StageLadderFields({
  existingKeys,
  readOnly,
}: {
  existingKeys: string[];
  readOnly: boolean;
}) {
  const { control, register, setValue, watch } = useSettingsForm();
  const stages = useFieldArray({ control, name: "settings.cadence.stages" });
  const recurring = watch("settings.cadence.recurringEveryDays");
  const ladderError = useFieldError("settings.cadence.stages", "The ladder");
  return (
    <Section
      wide
      title="Cadence"
      description="Each threshold counts from the local date of the contact's last activity; a stage is reached at local midnight. Stages go from shortest to longest."
    >
      <ol className="grid gap-3" aria-label="Stages">
        {stages.fields.map((field, i) => (
          <StageRow
            key={field.id}
            index={i}
            count={stages.fields.length}
            readOnly={readOnly}
            isNew={!existingKeys.includes(field.key)}
            onLabel={(label) => {
              if (!existingKeys.includes(field.key))
                setValue(`settings.cadence.stages.${i}.key`, stageKeyFromLabel(label));
            }}
            onMove={(to) => stages.move(i, to)}
            onRemove={() => stages.remove(i)}
          />
        ))}
      </ol>
      {ladderError && (
        <p role="alert" className="text-xs text-red-700">
          {ladderError}
        </p>
      )}
      {!readOnly && (
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              stages.append({ key: "new_stage", label: "", threshold: 1, unit: "month" })
            }
          >
            Add a stage
          </Button>
        </div>
      )}
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex items-center gap-2 text-sm text-stone-700">
          <Switch
            checked={recurring !== null}
            disabled={readOnly}
            aria-label="Recurring reminder"
            onCheckedChange={(on) =>
              setValue("settings.cadence.recurringEveryDays", on ? 90 : null, { shouldDirty: true })
            }
          />
          Recurring reminder while the contact stays inactive
        </label>
        {recurring !== null && <RecurringDays register={register} readOnly={readOnly} />}
      </div>
    </Section>
  );
}

function RecurringDays({
  register,
  readOnly,
}: {
  register: ReturnType<typeof useSettingsForm>["register"];
  readOnly: boolean;
}) {
  const error = useFieldError("settings.cadence.recurringEveryDays", "Every");
  return (
    <Field label="Every (days)" id="recurring-days" error={error}>
      {(control) => (
        <Input
          {...control}
          type="number"
          className="w-28"
          readOnly={readOnly}
          {...register("settings.cadence.recurringEveryDays", { valueAsNumber: true })}
        />
      )}
    </Field>
  );
}

function StageRow({
  index,
  count,
  readOnly,
  isNew,
  onLabel,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  readOnly: boolean;
  isNew: boolean;
  onLabel: (label: string) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { register, watch } = useSettingsForm();
  const path = `settings.cadence.stages.${index}` as const;
  const key = watch(`${path}.key`);
  const labelError = useFieldError(`${path}.label`, "Label");
  const thresholdError = useFieldError(`${path}.threshold`, "Threshold");
  const labelField = register(`${path}.label`);
  return (
    <li className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-[1fr_7rem_8rem_auto] sm:items-start">
      <Field
        label={`Stage ${index + 1} label`}
        id={`stage-${index}-label`}
        error={labelError}
        hint={isNew ? `New stage: key ${key}` : `Key ${key} (kept when renamed)`}
      >
        {(control) => (
          <Input
            {...control}
            readOnly={readOnly}
            {...labelField}
            onChange={(e) => {
              void labelField.onChange(e);
              onLabel(e.target.value);
            }}
          />
        )}
      </Field>
      <Field label="Threshold" id={`stage-${index}-threshold`} error={thresholdError}>
        {(control) => (
          <Input
            {...control}
            type="number"
            min={1}
            readOnly={readOnly}
            {...register(`${path}.threshold`, { valueAsNumber: true })}
          />
        )}
      </Field>
      <Field label="Unit" id={`stage-${index}-unit`}>
        {(control) => (
          <Select {...control} disabled={readOnly} {...register(`${path}.unit`)}>
            <option value="day">days</option>
            <option value="month">months</option>
          </Select>
        )}
      </Field>
      {!readOnly && (
        <div className="flex gap-1 sm:pt-5">
          <Button
            type="button"
            variant="secondary"
            aria-label={`Move stage ${index + 1} up`}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            ↑
          </Button>
          <Button
            type="button"
            variant="secondary"
            aria-label={`Move stage ${index + 1} down`}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            ↓
          </Button>
          <Button
            type="button"
            variant="danger"
            aria-label={`Remove stage ${index + 1}`}
            disabled={count === 1}
            onClick={onRemove}
          >
            Remove
          </Button>
        </div>
      )}
    </li>
  );
}
