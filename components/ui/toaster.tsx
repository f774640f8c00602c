"use client";

import { Toaster as Sonner } from "sonner";

/** Where toasts appear (shadcn/ui's sonner): `toast.success(…)` from any client component. */
export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton />;
}
