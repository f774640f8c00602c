"use client";

import { Tabs as Primitive } from "radix-ui";
import type { ComponentProps } from "react";

/** shadcn/ui's tabs on Radix: arrow keys move between tabs, each panel labelled by its tab. */
export const Tabs = Primitive.Root;

export function TabsList({ className = "", ...props }: ComponentProps<typeof Primitive.List>) {
  return (
    <Primitive.List
      className={`inline-flex flex-wrap gap-1 rounded-md bg-stone-100 p-1 ${className}`}
      {...props}
    />
  );
}

export function TabsTrigger({
  className = "",
  ...props
}: ComponentProps<typeof Primitive.Trigger>) {
  return (
    <Primitive.Trigger
      className={`rounded px-3 py-1.5 text-sm font-medium text-stone-600 data-[state=active]:bg-white data-[state=active]:text-stone-900 data-[state=active]:shadow-xs ${className}`}
      {...props}
    />
  );
}

export const TabsContent = Primitive.Content;
