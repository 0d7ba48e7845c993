import { currentStep, matchingStep, newTotpSecret, otpauthUri } from './totp';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" (base32 below) and its codes, cut to 6 digits. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP', () => {
  it.each(RFC_VECTORS)('accepts the RFC 6238 code of t=%i (%s) and returns its time step', (seconds, code) => {
    expect(matchingStep(RFC_SECRET, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
  });

  it('accepts one step of drift either way, and no more', () => {
    const [seconds, code] = RFC_VECTORS[3];
    const step = Math.floor(seconds / 30);
    expect(matchingStep(RFC_SECRET, code, (seconds + 30) * 1000)).toBe(step);
    expect(matchingStep(RFC_SECRET, code, (seconds - 30) * 1000)).toBe(step);
    expect(matchingStep(RFC_SECRET, code, (seconds + 60) * 1000)).toBeNull();
    expect(matchingStep(RFC_SECRET, code, (seconds - 60) * 1000)).toBeNull();
    expect(matchingStep(RFC_SECRET, '000000', seconds * 1000)).toBeNull();
  });

  it('makes 160-bit base32 secrets, a new one each time', () => {
    const [a, b] = [newTotpSecret(), newTotpSecret()];
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(a).not.toBe(b);
  });

  it('writes the otpauth URI with issuer, account, secret and the default parameters', () => {
    const uri = new URL(otpauthUri(RFC_SECRET, 'Gatehouse', 'ada@example.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Gatehouse:ada@example.test');
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: RFC_SECRET, issuer: 'Gatehouse', algorithm: 'SHA1', digits: '6', period: '30' });
  });

  it('counts steps of 30 seconds', () => {
    expect(currentStep(59_999)).toBe(1);
    expect(currentStep(60_000)).toBe(2);
  });
});
