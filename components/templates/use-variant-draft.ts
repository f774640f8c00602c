"use client";

import { useState } from "react";
import type { VariantContent } from "./types";

/** Same field values, whatever the key order (jsonb does not keep it). */
export function sameContent(a: VariantContent, b: VariantContent): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return Object.keys({ ...x, ...y }).every((key) => x[key] === y[key]);
}

/** The content and CTA kind being edited, and whether they differ from `saved`. */
export function useVariantDraft(saved: { content: VariantContent; ctaKind: string }) {
  const [content, setContent] = useState(saved.content);
  const [ctaKind, setCtaKind] = useState(saved.ctaKind);
  const dirty = ctaKind !== saved.ctaKind || !sameContent(content, saved.content);
  const reset = (to: { content: VariantContent; ctaKind: string }) => {
    setContent(to.content);
    setCtaKind(to.ctaKind);
  };
  return { content, setContent, ctaKind, setCtaKind, dirty, reset };
}

/** The message of a failed call, as the server worded it. */
export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : "Something went wrong. Try again.";
