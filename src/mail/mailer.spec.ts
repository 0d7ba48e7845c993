import { Logger } from '@nestjs/common';
import { Mail, MailTransport } from './mail';
import { describeFailure, Mailer, MAX_ATTEMPTS } from './mailer';

const content = { subject: 'Reset your password', text: 'link', html: '<p>link</p>' };

/** A transport that fails the first `failures` deliveries, then records what it delivers. */
class FlakyTransport extends MailTransport {
  readonly delivered: Mail[] = [];
  attempts = 0;
  closed = false;
  constructor(private failures: number) {
    super();
  }
  async deliver(mail: Mail): Promise<void> {
    this.attempts++;
    if (this.failures-- > 0) throw Object.assign(new Error('Can\'t send mail - all recipients were rejected: 550 <ada@example.com>: no such user'), { code: 'EENVELOPE', responseCode: 550 });
    this.delivered.push(mail);
  }
  override close(): void {
    this.closed = true;
  }
}

describe('Mailer', () => {
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.useRealTimers());
  afterAll(() => jest.restoreAllMocks());

  it('returns at once and retries a failed delivery after the retry delay, doubled each time', async () => {
    jest.useFakeTimers();
    const transport = new FlakyTransport(2);
    const mailer = new Mailer(transport, { retryDelayMs: 1000 });
    mailer.send('ada@example.com', content);
    await mailer.idle();
    expect(transport.attempts).toBe(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(transport.attempts).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await mailer.idle();
    expect(transport.attempts).toBe(2);
    await jest.advanceTimersByTimeAsync(2000);
    await mailer.idle();
    expect(transport.delivered).toEqual([{ to: 'ada@example.com', ...content }]);
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      'Mail "Reset your password" not delivered (attempt 1 of 4): EENVELOPE 550: Can\'t send mail - all recipients were rejected: 550 <<address>>: no such user; retrying in 1000 ms',
      'Mail "Reset your password" not delivered (attempt 2 of 4): EENVELOPE 550: Can\'t send mail - all recipients were rejected: 550 <<address>>: no such user; retrying in 2000 ms',
    ]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts with an error naming no recipient`, async () => {
    jest.useFakeTimers();
    const transport = new FlakyTransport(Infinity);
    const mailer = new Mailer(transport, { retryDelayMs: 10 });
    mailer.send('ada@example.com', content);
    await jest.advanceTimersByTimeAsync(10 + 20 + 40);
    await mailer.idle();
    expect(transport.attempts).toBe(MAX_ATTEMPTS);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toMatch(/attempt 4 of 4.*given up$/);
    expect(JSON.stringify([...warn.mock.calls, ...error.mock.calls])).not.toContain('ada@example.com');
  });

  it('at shutdown finishes the deliveries under way, drops the retries still waiting, and closes the transport', async () => {
    const transport = new FlakyTransport(1);
    const mailer = new Mailer(transport, { retryDelayMs: 60_000 });
    mailer.send('ada@example.com', content);
    mailer.send('bob@example.com', content);
    await mailer.idle();
    await mailer.onApplicationShutdown();
    expect(transport.delivered.map((m) => m.to)).toEqual(['bob@example.com']);
    expect(transport.closed).toBe(true);
    expect(warn).toHaveBeenLastCalledWith('1 mail(s) waiting for a retry are dropped at shutdown');
  });

  it('describes a failure by its codes and message, with every address blanked out', () => {
    expect(describeFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }))).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:2525');
    expect(describeFailure(new Error('Recipient "eve@evil.test" and x.y+z@sub.example.org refused'))).toBe('Recipient "<address>" and <address> refused');
  });
});
