"use client";

import { Switch as Primitive } from "radix-ui";
import type { ComponentProps } from "react";

/** shadcn/ui's switch on Radix: a labelled on/off control (`role="switch"`). */
export function Switch({ className = "", ...props }: ComponentProps<typeof Primitive.Root>) {
  return (
    <Primitive.Root
      className={`inline-flex h-5 w-9 shrink-0 items-center rounded-full border border-transparent bg-stone-300 transition-colors data-[state=checked]:bg-brand-600 disabled:cursor-not-allowed disabled:opacity-50 ${className}`}
      {...props}
    >
      <Primitive.Thumb className="block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-4" />
    </Primitive.Root>
  );
}
