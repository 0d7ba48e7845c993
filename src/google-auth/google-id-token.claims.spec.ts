import { toProfile } from './google-id-token.claims';
import { GoogleTokenError } from './google-token.error';

const OURS = ['ours.apps.googleusercontent.com', 'second.apps.googleusercontent.com'];
const claims = (extra: Record<string, unknown> = {}) => ({ sub: '1234', aud: OURS[0], email: 'ada@example.com', email_verified: true, ...extra });
const reasonOf = (payload: Record<string, unknown>) => {
  try {
    toProfile(payload, OURS);
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(GoogleTokenError);
    return (e as GoogleTokenError).reason;
  }
};

describe('toProfile: the claims of a verified Google ID token', () => {
  it('makes the profile, optional fields null when absent or empty', () => {
    expect(toProfile(claims({ name: 'Ada L', given_name: 'Ada', family_name: 'L', picture: 'https://p', hd: 'example.com' }), OURS)).toEqual({
      sub: '1234',
      email: 'ada@example.com',
      emailVerified: true,
      name: 'Ada L',
      givenName: 'Ada',
      familyName: 'L',
      picture: 'https://p',
      hd: 'example.com',
    });
    expect(toProfile(claims({ name: '', given_name: 7, email_verified: 'true' }), OURS)).toMatchObject({ name: null, givenName: null, familyName: null, picture: null, hd: null });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty sub', { sub: '' }, 'claims_invalid'],
    ['a numeric sub', { sub: 1234 }, 'claims_invalid'],
    ['no email', { email: undefined }, 'email_missing'],
    ['an empty email', { email: '' }, 'email_missing'],
    ['a non-string email', { email: ['ada@example.com'] }, 'email_missing'],
    ['email_verified false', { email_verified: false }, 'email_unverified'],
    ['email_verified "false"', { email_verified: 'false' }, 'email_unverified'],
    ['several audiences and no azp', { aud: OURS }, 'wrong_authorized_party'],
    ['several audiences and an azp not ours', { aud: [OURS[0], 'x'], azp: 'x' }, 'wrong_authorized_party'],
    ['several audiences and a non-string azp', { aud: OURS, azp: [OURS[0]] }, 'wrong_authorized_party'],
  ])('refuses %s', (_what, extra, reason) => {
    expect(reasonOf(claims(extra))).toBe(reason);
  });

  it.each<[string, Record<string, unknown>]>([
    ['one audience whatever its azp (an Android client)', { azp: 'android-client' }],
    ['one audience in an array, whatever its azp', { aud: [OURS[0]], azp: 'android-client' }],
    ['several audiences whose azp is one of ours', { aud: [OURS[0], 'x'], azp: OURS[1] }],
  ])('accepts %s', (_what, extra) => {
    expect(reasonOf(claims(extra))).toBe('accepted');
  });
});
