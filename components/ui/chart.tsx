"use client";

import {
  createContext,
  useContext,
  useId,
  type ComponentProps,
  type ComponentType,
  type ReactNode,
} from "react";
import * as Recharts from "recharts";
import type { LegendPayload, TooltipPayloadEntry } from "recharts";

/*
 * shadcn/ui's chart, in the app's look: Recharts charts drawn inside a container that names each
 * series once (label and colour, as `--color-<key>`), with a tooltip and a legend that read those
 * names. Compose Recharts' own <LineChart>, <Bar>… inside <ChartContainer>.
 */

export type ChartConfig = Record<
  string,
  { label: ReactNode; color?: string; icon?: ComponentType }
>;

const ChartContext = createContext<ChartConfig | null>(null);

function useChartConfig(): ChartConfig {
  const config = useContext(ChartContext);
  if (!config) throw new Error("Chart parts must be inside a <ChartContainer>.");
  return config;
}

const chartLook = [
  "flex justify-center text-xs",
  "[&_.recharts-cartesian-axis-tick_text]:fill-stone-500",
  "[&_.recharts-cartesian-grid_line]:stroke-stone-200",
  "[&_.recharts-curve.recharts-tooltip-cursor]:stroke-stone-300",
  "[&_.recharts-rectangle.recharts-tooltip-cursor]:fill-stone-100",
  "[&_.recharts-dot[stroke='#fff']]:stroke-transparent",
  "[&_.recharts-layer]:outline-hidden [&_.recharts-surface]:outline-hidden",
].join(" ");

/** Sizes its chart to the box (give it a height) and sets each series' `--color-<key>`. */
export function ChartContainer({
  config,
  className = "",
  children,
  ...props
}: {
  config: ChartConfig;
  className?: string;
  children: ComponentProps<typeof Recharts.ResponsiveContainer>["children"];
} & Omit<ComponentProps<"div">, "children">) {
  const chartId = `chart-${useId().replace(/:/g, "")}`;
  return (
    <ChartContext.Provider value={config}>
      <div
        data-slot="chart"
        data-chart={chartId}
        className={`${chartLook} ${className}`}
        {...props}
      >
        <ChartStyle id={chartId} config={config} />
        <Recharts.ResponsiveContainer initialDimension={{ width: 320, height: 200 }}>
          {children}
        </Recharts.ResponsiveContainer>
      </div>
    </ChartContext.Provider>
  );
}

/** The series' colours as CSS variables scoped to one chart. */
export function ChartStyle({ id, config }: { id: string; config: ChartConfig }) {
  const colors = Object.entries(config).filter(([, item]) => item.color);
  if (colors.length === 0) return null;
  const rules = colors.map(([key, item]) => `--color-${key}: ${item.color};`).join(" ");
  return <style>{`[data-chart=${id}] { ${rules} }`}</style>;
}

export const ChartTooltip = Recharts.Tooltip;

type TooltipItem = TooltipPayloadEntry;

/** The tooltip's box: the label (e.g. the week), then each series with its colour and value. */
export function ChartTooltipContent({
  active,
  payload,
  label,
  hideLabel = false,
  labelFormatter,
  valueFormatter,
  footer,
  indicator = "dot",
}: {
  active?: boolean;
  payload?: readonly TooltipItem[];
  label?: string | number;
  hideLabel?: boolean;
  labelFormatter?: (
    label: string | number | undefined,
    payload: readonly TooltipItem[],
  ) => ReactNode;
  valueFormatter?: (value: TooltipItem["value"], item: TooltipItem) => ReactNode;
  /** A line under the values, e.g. whether the point is provisional. */
  footer?: (payload: readonly TooltipItem[]) => ReactNode;
  indicator?: "dot" | "line";
}) {
  const config = useChartConfig();
  if (!active || !payload?.length) return null;
  const items = payload.filter((item) => item.type !== "none" && item.value != null);
  return (
    <div className="grid min-w-36 gap-1.5 rounded-lg border border-stone-200 bg-white px-3 py-2 text-xs shadow-lg">
      {!hideLabel && (
        <div className="font-medium text-stone-900">
          {labelFormatter ? labelFormatter(label, payload) : label}
        </div>
      )}
      {items.map((item) => {
        const key = String(item.dataKey ?? item.name ?? "value");
        const entry = config[key];
        return (
          <div key={key} className="flex items-center gap-2">
            <span
              aria-hidden
              className={`shrink-0 rounded-[2px] ${indicator === "dot" ? "size-2.5" : "h-3 w-1"}`}
              style={{ background: item.color ?? `var(--color-${key})` }}
            />
            <span className="flex-1 text-stone-600">{entry?.label ?? item.name}</span>
            <span className="font-medium text-stone-900 tabular-nums">
              {valueFormatter ? valueFormatter(item.value, item) : String(item.value)}
            </span>
          </div>
        );
      })}
      {footer?.(payload)}
    </div>
  );
}

export const ChartLegend = Recharts.Legend;

/** The legend: each series' colour and label from the config. */
export function ChartLegendContent({
  payload,
  className = "",
}: {
  payload?: readonly LegendPayload[];
  className?: string;
}) {
  const config = useChartConfig();
  if (!payload?.length) return null;
  return (
    <div className={`flex flex-wrap items-center justify-center gap-4 pt-3 ${className}`}>
      {payload
        .filter((item) => item.type !== "none")
        .map((item) => {
          const key = String(item.dataKey ?? item.value ?? "value");
          const entry = config[key];
          const Icon = entry?.icon;
          return (
            <div key={key} className="flex items-center gap-1.5 text-stone-600">
              {Icon ? (
                <Icon />
              ) : (
                <span
                  aria-hidden
                  className="size-2.5 shrink-0 rounded-[2px]"
                  style={{ background: item.color }}
                />
              )}
              {entry?.label ?? item.value}
            </div>
          );
        })}
    </div>
  );
}
