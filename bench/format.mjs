// Numbers in words for the console and BENCHMARKS.md: medians and spreads, times, sizes, ratios.

export const log = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);

export function stats(values) {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const q = (p) => {
    const i = (sorted.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
  };
  return { median: q(0.5), min: sorted[0], max: sorted.at(-1), n: sorted.length, p95: q(0.95) };
}

export function ms(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (v > 0 && v < 0.1) return `${(v * 1000).toFixed(0)} µs`;
  if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
  return `${v.toFixed(v < 10 ? 1 : 0)} ms`;
}

export function spread(s, fmt = ms) {
  if (!s) return '–';
  if (s.n === 1) return fmt(s.median);
  return `${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]`;
}

export const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
export const signedMb = (bytes) => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;
export const int = (n) => n.toLocaleString('en-US');
export const ratio = (r) => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2));

export const pct = (part, whole) => (whole > 0 ? `${((100 * part) / whole).toFixed(0)}%` : '–');
