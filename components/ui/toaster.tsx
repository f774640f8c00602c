"use client";

import { Toaster as Sonner } from "sonner";

/** Where toasts appear (shadcn/ui's sonner): `toast.success(…)` from any client component. */
export function Toaster() {
  // Sonner's default colours: its "rich" green and red fail the WCAG contrast check.
  return <Sonner position="bottom-right" closeButton />;
}
