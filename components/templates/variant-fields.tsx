"use client";

import { useEffect, useRef, useState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { PlaceholderPalette } from "./placeholder-palette";
import { SmsCounter } from "./sms-counter";
import type { Channel, PaletteEntry, VariantContent } from "./types";

type FieldSpec = {
  key: string;
  label: string;
  /** Rows of a textarea; a one-line input when absent. */
  rows?: number;
  hint?: string;
  mono?: boolean;
  /** Whether placeholders may be inserted (not in the icon URL). */
  text: boolean;
};

/** The fields of each channel's variant (server/content/variant-content.ts). */
const fieldSpecs: Record<Channel, FieldSpec[]> = {
  email: [
    { key: "subject", label: "Subject", text: true },
    { key: "html", label: "HTML body", rows: 12, mono: true, text: true },
    {
      key: "text",
      label: "Plain-text part",
      rows: 5,
      hint: "Optional: derived from the HTML when left empty.",
      text: true,
    },
  ],
  sms: [{ key: "text", label: "SMS text", rows: 5, text: true }],
  web_push: [
    { key: "title", label: "Title", text: true },
    { key: "body", label: "Body", rows: 3, text: true },
    {
      key: "icon",
      label: "Icon URL",
      hint: "Optional: an https:// image shown beside the notification.",
      text: false,
    },
  ],
  zalo: [{ key: "text", label: "Zalo message", rows: 6, text: true }],
};

/** The field that must hold the required placeholders, where the palette inserts by default. */
const mainField: Record<Channel, string> = {
  email: "html",
  sms: "text",
  web_push: "body",
  zalo: "text",
};

const textControl =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-stone-400 focus:border-brand-500 aria-invalid:border-red-500 read-only:bg-stone-50";

function valueOf(content: VariantContent, key: string): string {
  const value = (content as Record<string, unknown>)[key];
  return typeof value === "string" ? value : "";
}

function withValue(content: VariantContent, key: string, value: string): VariantContent {
  const stored = key === "icon" ? value.trim() || null : value;
  return { ...content, [key]: stored };
}

type Control = HTMLInputElement | HTMLTextAreaElement;

/**
 * A variant's channel-shaped fields, its CTA kind and the placeholder palette; controlled, so the
 * live preview sees every keystroke. Read-only shows the same fields without edits.
 */
export function VariantFields({
  content,
  ctaKind,
  ctaKinds,
  palette,
  linkLength,
  readOnly,
  onContentChange,
  onCtaKindChange,
}: {
  content: VariantContent;
  ctaKind: string;
  ctaKinds: string[];
  palette: PaletteEntry[];
  /** Characters of a message link, for the SMS counter. */
  linkLength: number;
  readOnly: boolean;
  onContentChange: (content: VariantContent) => void;
  onCtaKindChange: (ctaKind: string) => void;
}) {
  const specs = fieldSpecs[content.channel];
  const controls = useRef<Record<string, Control | null>>({});
  const [target, setTarget] = useState(mainField[content.channel]);
  /** Fields the marketer has been in: in the others, an insertion goes at the end. */
  const visited = useRef(new Set<string>());
  const caret = useRef<{ key: string; position: number } | null>(null);

  // After an insertion re-renders the field, the cursor goes back right after the placeholder.
  useEffect(() => {
    const pending = caret.current;
    if (!pending) return;
    caret.current = null;
    const control = controls.current[pending.key];
    control?.focus();
    control?.setSelectionRange(pending.position, pending.position);
  });

  function insert(name: string) {
    const control = controls.current[target];
    const current = valueOf(content, target);
    const cursor = visited.current.has(target) ? control : null;
    const start = cursor?.selectionStart ?? current.length;
    const end = cursor?.selectionEnd ?? start;
    const token = `{{${name}}}`;
    caret.current = { key: target, position: start + token.length };
    onContentChange(
      withValue(content, target, current.slice(0, start) + token + current.slice(end)),
    );
  }

  const options = ctaKinds.includes(ctaKind) ? ctaKinds : [ctaKind, ...ctaKinds];
  return (
    <div className="space-y-4">
      {specs.map((spec) => {
        const id = `variant-${spec.key}`;
        const counterId = content.channel === "sms" ? `${id}-count` : undefined;
        const common = {
          value: valueOf(content, spec.key),
          readOnly,
          ref: (el: Control | null) => {
            controls.current[spec.key] = el;
          },
          onFocus: () => {
            if (!spec.text) return;
            visited.current.add(spec.key);
            setTarget(spec.key);
          },
          onChange: (e: { target: { value: string } }) =>
            onContentChange(withValue(content, spec.key, e.target.value)),
        };
        return (
          <div key={spec.key}>
            <Field label={spec.label} id={id} hint={spec.hint}>
              {(control) =>
                spec.rows ? (
                  <textarea
                    {...control}
                    {...common}
                    aria-describedby={counterId ?? control["aria-describedby"]}
                    rows={spec.rows}
                    spellCheck={!spec.mono}
                    className={`${textControl} ${spec.mono ? "font-mono text-xs" : ""}`}
                  />
                ) : (
                  <Input {...control} {...common} type={spec.key === "icon" ? "url" : "text"} />
                )
              }
            </Field>
            {counterId && (
              <SmsCounter
                id={counterId}
                text={valueOf(content, spec.key)}
                linkLength={linkLength}
              />
            )}
          </div>
        );
      })}
      <Field
        label="CTA kind"
        id="variant-cta-kind"
        hint="At send time a variant with a different CTA kind than the contact's last reminder is preferred."
      >
        {(control) => (
          <Select
            {...control}
            value={ctaKind}
            disabled={readOnly}
            onChange={(e) => onCtaKindChange(e.target.value)}
          >
            {options.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {!readOnly && (
        <PlaceholderPalette
          entries={palette}
          targetLabel={specs.find((s) => s.key === target)?.label ?? target}
          onInsert={insert}
        />
      )}
    </div>
  );
}
