import { hashedKey } from './hashed-key';

/**
 * "At most once per interval" for one subject (an e-mail address) in one bucket (a kind of mail): the first call
 * claims it for `intervalMs`, calls within that time are refused, and the first call after it claims it again.
 *
 * The interval runs from the call that claimed it and a refused call never extends it. That is the owner's side of
 * the limit: however many requests someone sends in a victim's name, one mail per interval still goes out, to the
 * victim, with a fresh link in it; a limit that grew with every refused request (a sliding window, a block renewed
 * on each hit, as the login throttler does) would let a steady trickle of requests keep the owner's own mail from
 * ever being sent.
 */
export abstract class IntervalGate {
  /** 0 when this call claimed the subject's interval; otherwise the milliseconds until it can be claimed again. */
  abstract claim(bucket: string, subject: string, intervalMs: number): Promise<number>;
}

/** The key of a bucket and subject (trimmed, lower-cased, hashed: no e-mail address in Redis or in memory). */
export function intervalKey(bucket: string, subject: string): string {
  return hashedKey(`interval:${bucket}`, subject.trim().toLowerCase());
}
