/** The dashboard's series colours: the brand's orange and a teal, both 4.5:1 on white. */
export const chartColors = {
  rate: "#c2410c",
  revenue: "#0f766e",
  bar: "#c2410c",
  muted: "#a8a29e",
} as const;
