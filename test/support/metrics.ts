/**
 * Reading the Prometheus text format (GET /metrics, or Metrics.text()) in tests: the value of one series, named by
 * its metric name and the labels it must carry (others may be present). 0 when no such series exists yet, which
 * is what Prometheus makes of a counter never incremented.
 */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) total += Number(m[4]);
  }
  return total;
}

/** Every label value of every `gatehouse_` series, for checks that no personal data reaches the metrics. */
export function gatehouseLabelValues(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('gatehouse_'))
    .flatMap((line) => [...line.matchAll(/\w+="((?:[^"\\]|\\.)*)"/g)].map((l) => l[1]));
}
