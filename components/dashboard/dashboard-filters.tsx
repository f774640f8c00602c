"use client";

import type { DashboardInput } from "@/server/metrics/dashboard-schema";
import { channelNames } from "@/components/format";
import { Field, Select } from "@/components/ui/field";
import { DateRangeFields } from "./date-range-fields";
import { presetOf, presetRange, presets } from "./filters";

export type FilterOptions = { stages: { key: string; label: string }[]; channels: string[] };

type Props = {
  input: DashboardInput;
  today: string;
  options: FilterOptions | undefined;
  onChange: (change: Partial<DashboardInput>) => void;
};

/** Date range (with quick ranges), week or month, and one stage or one channel. */
export function DashboardFilters({ input, today, options, onChange }: Props) {
  const preset = presetOf(input, today);
  return (
    <div
      role="search"
      aria-label="Dashboard filters"
      className="rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium text-stone-600" id="quick-range">
          Last
        </span>
        <div role="group" aria-labelledby="quick-range" className="flex flex-wrap gap-1">
          {presets.map((p) => (
            <button
              key={p.key}
              type="button"
              aria-pressed={preset === p.key}
              onClick={() => onChange(presetRange(p.key, today))}
              className="rounded-md border border-stone-300 px-2.5 py-1 text-xs font-medium text-stone-700 hover:bg-stone-100 aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:text-brand-700"
            >
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        <DateRangeFields
          key={`${input.from}|${input.to}`}
          range={{ from: input.from, to: input.to }}
          onChange={onChange}
        />
        <Field label="By" id="dashboard-period">
          {(control) => (
            <Select
              {...control}
              value={input.period}
              onChange={(e) => onChange({ period: e.target.value === "month" ? "month" : "week" })}
            >
              <option value="week">Week</option>
              <option value="month">Month</option>
            </Select>
          )}
        </Field>
        <Field label="Stage" id="dashboard-stage">
          {(control) => (
            <Select
              {...control}
              value={input.stage ?? ""}
              onChange={(e) => onChange({ stage: e.target.value || undefined, channel: undefined })}
            >
              <option value="">All stages</option>
              {withSelected(options?.stages ?? [], input.stage).map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Channel" id="dashboard-channel">
          {(control) => (
            <Select
              {...control}
              value={input.channel ?? ""}
              onChange={(e) =>
                onChange({
                  channel: (e.target.value || undefined) as DashboardInput["channel"],
                  stage: undefined,
                })
              }
            >
              <option value="">All channels</option>
              {withSelected(
                (options?.channels ?? []).map((c) => ({ key: c, label: channelNames[c] ?? c })),
                input.channel,
              ).map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
    </div>
  );
}

/** The options, plus the one selected by the URL if the workspace has none by that key now. */
function withSelected(list: { key: string; label: string }[], selected: string | undefined) {
  if (!selected || list.some((o) => o.key === selected)) return list;
  return [{ key: selected, label: selected }, ...list];
}
