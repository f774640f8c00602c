"use client";

import { Tooltip as Primitive } from "radix-ui";
import { useState, type ComponentProps, type ReactNode } from "react";

/**
 * shadcn/ui's tooltip on Radix, in the app's look: opens on hover and on keyboard focus, closes on
 * Escape, and is announced as the trigger's description. A tap also toggles it, so it works on a
 * phone, where there is no hover.
 */
export const TooltipProvider = Primitive.Provider;

export function TooltipContent({
  className = "",
  sideOffset = 6,
  children,
  ...props
}: ComponentProps<typeof Primitive.Content>) {
  return (
    <Primitive.Portal>
      <Primitive.Content
        sideOffset={sideOffset}
        collisionPadding={8}
        className={`z-50 max-w-72 rounded-md bg-stone-900 px-3 py-2 text-left text-xs leading-relaxed font-normal tracking-normal normal-case text-white shadow-lg ${className}`}
        {...props}
      >
        {children}
        <Primitive.Arrow className="fill-stone-900" />
      </Primitive.Content>
    </Primitive.Portal>
  );
}

/** A trigger (rendered as given, `asChild`) with `content` in a tooltip. */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Primitive.Root open={open} onOpenChange={setOpen} delayDuration={150}>
      <Primitive.Trigger
        asChild
        // Radix closes a tooltip on click and when a touch ends; a tap on a phone opens it instead
        // (a tap elsewhere or Escape closes it).
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
        onPointerDown={(event) => event.preventDefault()}
        onPointerLeave={(event) => {
          if (event.pointerType === "touch") event.preventDefault();
        }}
      >
        {children}
      </Primitive.Trigger>
      <TooltipContent>{content}</TooltipContent>
    </Primitive.Root>
  );
}
