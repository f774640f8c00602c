import { chartColors } from "./chart-colors";

/** The legend note that explains how provisional periods are drawn. */
export function ProvisionalKey({ kind }: { kind: "line" | "bar" }) {
  return (
    <p className="mt-2 flex items-center gap-2 text-xs text-stone-600">
      {kind === "line" ? (
        <svg viewBox="0 0 28 8" aria-hidden className="h-2 w-7">
          <line
            x1="0"
            y1="4"
            x2="20"
            y2="4"
            stroke={chartColors.rate}
            strokeWidth="2"
            strokeDasharray="5 4"
          />
          <circle cx="24" cy="4" r="3" fill="white" stroke={chartColors.rate} strokeWidth="1.5" />
        </svg>
      ) : (
        <span
          aria-hidden
          className="h-3 w-3 rounded-[2px] border border-dashed"
          style={{ borderColor: chartColors.revenue, background: `${chartColors.revenue}4d` }}
        />
      )}
      {kind === "line" ? "Dashed line, hollow dots" : "Lighter bars"}: provisional, attribution
      windows still open, so the numbers can still grow.
    </p>
  );
}
