"use client";

import { Dialog as Primitive } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";

/** shadcn/ui's dialog on Radix, in the app's look: focus trap, Escape, labelled by its title. */
export const Dialog = Primitive.Root;
export const DialogTrigger = Primitive.Trigger;
export const DialogClose = Primitive.Close;

export function DialogContent({
  title,
  description,
  children,
  className = "",
  ...props
}: ComponentProps<typeof Primitive.Content> & { title: string; description?: ReactNode }) {
  return (
    <Primitive.Portal>
      <Primitive.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
      <Primitive.Content
        className={`fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-stone-200 bg-white p-5 shadow-lg ${className}`}
        {...props}
      >
        <Primitive.Title className="text-base font-semibold text-stone-900">
          {title}
        </Primitive.Title>
        {description ? (
          <Primitive.Description className="mt-1 text-sm text-stone-600">
            {description}
          </Primitive.Description>
        ) : null}
        <div className="mt-4">{children}</div>
      </Primitive.Content>
    </Primitive.Portal>
  );
}
