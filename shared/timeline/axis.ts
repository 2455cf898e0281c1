// The value axis of a goal chart in the goal's own unit, with a maximum that means something: a
// percent cannot pass 100, so a percent axis stops there (unless a measured value itself does).
/** Units measured in percent: "percent accuracy", "% of intervals", "percent of opportunities". */
export function isPercentUnit(unit: string | null | undefined): boolean {
  return !!unit && /%|\bpercent/i.test(unit);
}

/**
 * Fixed ends for the value axis (what the chart library does not know from the numbers alone): a
 * percent axis runs to 100 and not below 0; other units are left to the library's rounding.
 */
export function valueAxisBounds(unit: string | null | undefined, measured: readonly number[]): { min?: number; max?: number } {
  if (!isPercentUnit(unit)) return {};
  const highest = measured.length ? Math.max(...measured) : 0;
  return highest <= 100 ? { min: 0, max: 100 } : { min: 0 };
}
