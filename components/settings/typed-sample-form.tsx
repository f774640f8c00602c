"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

export type TypedSample = { label: string; timeZone: string; lastActivityOn: string };

/**
 * A contact typed in for the preview, for a case the workspace has no contact for yet ("a
 * customer in Honolulu last seen in March"). The server checks the zone and the date.
 */
export function TypedSampleForm({
  defaultZone,
  disabled,
  onAdd,
}: {
  defaultZone: string;
  disabled: boolean;
  onAdd: (sample: TypedSample) => void;
}) {
  const [label, setLabel] = useState("");
  const [timeZone, setTimeZone] = useState(defaultZone);
  const [lastActivityOn, setLastActivityOn] = useState("");
  const ready = label.trim() !== "" && timeZone.trim() !== "" && lastActivityOn !== "";
  return (
    <fieldset className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-end">
      <legend className="mb-1 text-xs font-medium text-stone-600">Or type in a contact</legend>
      <Field label="Name" id="typed-label">
        {(c) => <Input {...c} value={label} onChange={(e) => setLabel(e.target.value)} />}
      </Field>
      <Field label="Time zone (IANA)" id="typed-zone">
        {(c) => <Input {...c} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />}
      </Field>
      <Field label="Last active on" id="typed-last">
        {(c) => (
          <Input
            {...c}
            type="date"
            value={lastActivityOn}
            onChange={(e) => setLastActivityOn(e.target.value)}
          />
        )}
      </Field>
      <Button
        type="button"
        variant="secondary"
        disabled={disabled || !ready}
        onClick={() => {
          onAdd({ label: label.trim(), timeZone: timeZone.trim(), lastActivityOn });
          setLabel("");
        }}
      >
        Add
      </Button>
    </fieldset>
  );
}
