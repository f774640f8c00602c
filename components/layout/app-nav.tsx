"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav-items";

export function AppNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    // On a phone the links take a row of their own under the name and "Sign out", and wrap
    // rather than scroll out of sight. At 1280 px and wider an owner's ten links and the user fit
    // one row (hence the tight padding).
    <nav
      aria-label="Main"
      className="order-last -mx-2 flex w-full flex-wrap sm:order-none sm:mx-0 sm:w-auto"
    >
      {items.map((item) => {
        const active = pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-2 py-1.5 text-sm font-medium ${
              active
                ? "bg-brand-50 text-brand-700"
                : "text-stone-600 hover:bg-stone-100 hover:text-stone-900"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
