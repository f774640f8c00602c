/** What each number means, in the SPEC's words: shown in the tooltip of every KPI and column. */
export const definitions = {
  return: "A qualifying activity that closes an inactivity cycle.",
  reached:
    "Contacts reached: inactivity cycles in which a reminder was sent on at least one channel. A contact who lapsed twice counts twice.",
  remindersSent:
    "Messages that went out: a reminder counts once per channel it was sent on, on the day it was sent.",
  reactivations:
    "A reactivation is a return (a qualifying activity that closes an inactivity cycle) within the attribution window (default 30 days) after the first successful delivery of the cycle's most recent reminder sent before it.",
  rate: "Reactivation rate = reactivations ÷ reached, where reached counts the inactivity cycles in which a reminder was sent on at least one channel.",
  revenue:
    "Revenue of a reactivation: the revenue of the contact's activity from the return through the attribution window after it, per currency, never converted.",
  revenuePerReactivation:
    "Revenue ÷ reactivations, per currency (never converted). Revenue of a reactivation is the revenue of the contact's activity from the return through the attribution window after it.",
  incremental:
    "Reactivations the reminders caused beyond those that would have happened anyway: the lift times the cycles reached. Needs enough held-out cycles.",
  lift: "Lift = rate(reached) − rate(held out), in percentage points, with a 95% Newcombe interval.",
  interval: "The 95% (Wilson) interval of the rate: where the true rate likely lies.",
  probabilityBest:
    "The probability that this variant has the highest rate among the variants of its stage and channel.",
  verdict: "What the numbers allow saying so far, in plain words.",
  period:
    "The week (from Monday) or month in which the cycle's attributed reminder was first sent, in the workspace's zone.",
  provisional:
    "Provisional: attribution windows are still open, so reactivations and revenue of these periods can still grow.",
  stage:
    "A cycle counts under every stage that sent it a reminder; a reactivation counts under the stage of the reminder it is attributed to.",
  channel:
    "A cycle counts under every channel that delivered in it. A reactivation counts under the channel whose link was clicked, or, without a click, under every channel that delivered: rows can add up to more than the total.",
  cohort: "The month the contact went dormant (the start of the inactivity cycle).",
  variant: "The message variant of the stage and channel that was sent.",
  ctaKind: "The kind of call to action the variant uses.",
} as const;

export const funnelDefinitions = {
  planned: "Inactivity cycles with a delivery planned on some channel.",
  sent: "Cycles in which a reminder was sent on at least one channel (reached).",
  clicked: "Cycles in which a link of a reminder was opened.",
  reactivated: definitions.reactivations,
} as const;
