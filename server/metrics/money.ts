/** Amounts in minor units (cents, đồng) per currency: currencies are never converted. */
export type Money = Record<string, number>;

export function addMoney(a: Money, b: Money): Money {
  const sum = { ...a };
  for (const [currency, minor] of Object.entries(b)) sum[currency] = (sum[currency] ?? 0) + minor;
  return sum;
}

/** Each currency's amount divided by `n` (rounded to a minor unit); empty when `n` is 0. */
export function divideMoney(money: Money, n: number): Money {
  if (n === 0) return {};
  return Object.fromEntries(Object.entries(money).map(([c, minor]) => [c, Math.round(minor / n)]));
}

/** Currencies in a stable order, so tables and exports list them alike. */
export function sortedMoney(money: Money): Money {
  return Object.fromEntries(Object.entries(money).sort(([a], [b]) => a.localeCompare(b)));
}
