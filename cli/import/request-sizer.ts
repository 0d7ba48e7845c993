/** Lines in the first request, before anything is known of the server's pace. */
const FIRST = 100;
const MIN = 100;
const MAX = 50_000;
/** Seconds a request should last: long enough that starting one costs nothing, short enough to report often. */
const TARGET_SECONDS = 3;

/**
 * How many lines the next request carries: about TARGET_SECONDS of the pace measured on the last one. Pre-hashed
 * users go in by the tens of thousands a second, plain passwords (hashed by the server) by the tens: a fixed size
 * would either start a request every few milliseconds or leave the server's figures unreported for minutes.
 */
export class RequestSizer {
  private lines = FIRST;

  next(): number {
    return this.lines;
  }

  answered(lines: number, elapsedMs: number): void {
    if (lines === 0) return;
    const perSecond = lines / Math.max(elapsedMs / 1000, 0.001);
    this.lines = Math.round(Math.min(MAX, Math.max(MIN, perSecond * TARGET_SECONDS)));
  }
}
