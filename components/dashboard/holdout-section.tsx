import type { HoldoutCard } from "@/server/metrics/dashboard-schema";
import { definitions } from "./definitions";
import { formatCount, formatPoints, moneyLines } from "./format";
import { holdoutTable } from "./holdout-table";
import { Section } from "./section";
import { TablePanel } from "./table-panel";

/** The lift the reminders cause over a held-out group, or how much more data it needs. */
export function HoldoutSection({
  card,
  range,
}: {
  card: HoldoutCard;
  range: { from: string; to: string };
}) {
  return (
    <Section
      id="holdout"
      title="Holdout lift"
      definition={definitions.lift}
      description={
        card.percent > 0
          ? `${card.percent}% of inactivity cycles are held out: they get no reminder, to show what would have happened anyway.`
          : "No cycle is held out now."
      }
    >
      <div data-testid="holdout-card">
        {card.lift ? <Lift card={card} lift={card.lift} /> : <NotYet card={card} />}
      </div>
      <div className="mt-5">
        <TablePanel table={holdoutTable(card)} range={range} />
      </div>
    </Section>
  );
}

function Lift({ card, lift }: { card: HoldoutCard; lift: NonNullable<HoldoutCard["lift"]> }) {
  const tone =
    lift.low > 0 ? "text-emerald-800" : lift.high < 0 ? "text-red-700" : "text-stone-900";
  return (
    <div>
      <p className={`text-3xl font-semibold tracking-tight tabular-nums ${tone}`}>
        {formatPoints(lift.value)}
      </p>
      <p className="mt-1 text-sm text-stone-600">
        95% interval {formatPoints(lift.low)} to {formatPoints(lift.high)}
      </p>
      <p className="mt-3 text-sm text-stone-800">{card.verdict}</p>
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs text-stone-600">Incremental reactivations</dt>
          <dd className="font-medium tabular-nums">
            {card.incrementalReactivations === null
              ? "—"
              : formatCount(card.incrementalReactivations)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-stone-600">Incremental revenue</dt>
          <dd className="font-medium tabular-nums">
            {moneyLines(card.incrementalRevenue).map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function NotYet({ card }: { card: HoldoutCard }) {
  const goal = card.heldOut + card.needed;
  return (
    <div>
      <p className="text-sm font-medium text-stone-900">{card.verdict}</p>
      {card.needed > 0 && card.percent > 0 && (
        <div className="mt-3">
          <div className="h-2 overflow-hidden rounded-full bg-stone-100" aria-hidden>
            <div
              className="h-full rounded-full bg-stone-500"
              style={{ width: `${goal === 0 ? 0 : (card.heldOut / goal) * 100}%` }}
            />
          </div>
          <p className="mt-1 text-xs text-stone-600">
            {formatCount(card.heldOut)} of the {formatCount(goal)} held-out cycles a verdict needs.
          </p>
        </div>
      )}
    </div>
  );
}
