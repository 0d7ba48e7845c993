import { explain } from '../api/client';
import { googleButton } from '../google';
import { answerSecondFactor, signInWithGoogle, signInWithPassword, state, type SignInOutcome } from '../session';
import { field, form, h, link, message, navigate, page } from '../ui';

/** The mfaToken between the first step and the code; memory only, like the access token. */
let pendingMfaToken: string | null = null;

/** Signed in → home; `mfa_required` → the code page; anything else → said on the page. */
function follow(outcome: SignInOutcome, say: ReturnType<typeof message>): void {
  if (outcome.kind === 'signed-in') return navigate('/');
  if (outcome.kind === 'mfa') {
    pendingMfaToken = outcome.mfaToken;
    return navigate('/two-factor');
  }
  say.error(outcome.failure.code === 'email_not_verified' ? 'Confirm your e-mail address first: follow the link we sent you.' : explain(outcome.failure));
}

export function signInPage(): HTMLElement[] {
  const say = message();
  if (state.ended) say.error(state.ended);
  const google = h('div', { id: 'google-button' });
  googleButton(google, (idToken) => void signInWithGoogle(idToken).then((o) => follow(o, say)), (m) => say.error(m));
  const signIn = form('Sign in', [field('E-mail or username', 'emailOrUsername', 'text', { autocomplete: 'username' }), field('Password', 'password', 'password', { autocomplete: 'current-password' })], async (v) =>
    follow(await signInWithPassword(v.emailOrUsername, v.password), say),
  );
  return page('Sign in', say.el, signIn, google, h('nav', {}, link('Forgot your password?', '/forgot-password'), link('Create an account', '/sign-up')));
}

export function twoFactorPage(): HTMLElement[] {
  const say = message();
  if (!pendingMfaToken) return page('Two-factor sign-in', 'Start by signing in with your password.', h('nav', {}, link('Back to sign in', '/')));
  const mfaToken = pendingMfaToken;
  const submit = form('Verify code', [field('Authentication code', 'code', 'text', { autocomplete: 'one-time-code', inputmode: 'numeric' })], async (v) => {
    const outcome = await answerSecondFactor(mfaToken, v.code.trim());
    if (outcome.kind === 'signed-in') pendingMfaToken = null;
    // An mfaToken is single use and dies after five wrong codes: then the person starts again.
    if (outcome.kind === 'refused' && outcome.failure.code === 'invalid_mfa_token') pendingMfaToken = null;
    follow(outcome, say);
  });
  return page('Two-factor sign-in', 'Enter the 6-digit code from your authenticator app, or a recovery code.', say.el, submit, h('nav', {}, link('Back to sign in', '/')));
}
