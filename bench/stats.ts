/** Percentile of an unsorted sample (nearest rank). */
export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/** "p50 1.23 ms, p95 2.34 ms, p99 3.45 ms (n=200)" */
export function describeLatencies(milliseconds: number[]): string {
  const format = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
  return `p50 ${format(percentile(milliseconds, 0.5))}, p95 ${format(percentile(milliseconds, 0.95))}, p99 ${format(percentile(milliseconds, 0.99))} (n=${milliseconds.length})`;
}
