/** Small statistics helpers for benchmark output. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

export function line(label: string, value: string, target?: string): void {
  console.log(`  ${label.padEnd(46)} ${value.padStart(22)}${target ? `   (mục tiêu ${target})` : ''}`);
}
