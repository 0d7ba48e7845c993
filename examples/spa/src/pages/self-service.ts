import { api, explain, failureOf } from '../api/client';
import { field, form, h, link, message, page } from '../ui';

const back = () => h('nav', {}, link('Back to sign in', '/'));
const tokenOfLink = () => new URLSearchParams(location.search).get('token') ?? '';

export function forgotPasswordPage(): HTMLElement[] {
  const say = message();
  const ask = form('Send reset link', [field('E-mail address', 'email', 'email', { autocomplete: 'email' })], async (v) => {
    const { response, error } = await api.POST('/api/auth/password/forgot', { body: { email: v.email } });
    // The same answer whether or not the address has an account: the page cannot tell, and neither can anyone else.
    if (response.ok) say.info('If an account uses this address, a link to reset its password is on its way.');
    else say.error(explain(failureOf(response, error)));
  });
  return page('Reset your password', say.el, ask, back());
}

/** APP_URL/reset-password?token=…, the link of the reset mail. */
export function resetPasswordPage(): HTMLElement[] {
  const say = message();
  const token = tokenOfLink();
  const reset = form('Set new password', [field('New password', 'newPassword', 'password', { autocomplete: 'new-password', minlength: 8 })], async (v) => {
    const { response, error } = await api.POST('/api/auth/password/reset', { body: { token, newPassword: v.newPassword } });
    if (response.ok) say.info('Your password is changed and every session has ended. Sign in with the new password.');
    else say.error(explain(failureOf(response, error)));
  });
  return page('Choose a new password', say.el, reset, back());
}

/**
 * APP_URL/verify-email?token=…, the link of the verification mail. A button, not an automatic request: mail
 * scanners that open links must not be the ones who confirm the address.
 */
export function verifyEmailPage(): HTMLElement[] {
  const say = message();
  const token = tokenOfLink();
  const confirm = form('Confirm e-mail address', [], async () => {
    const { data, response, error } = await api.POST('/api/auth/email/verify', { body: { token } });
    if (data) say.info(`${data.email} is confirmed. You can sign in now.`);
    else say.error(explain(failureOf(response, error)));
  });
  return page('Confirm your e-mail address', say.el, confirm, back());
}

export function signUpPage(): HTMLElement[] {
  const say = message();
  const fields = [
    field('E-mail address', 'email', 'email', { autocomplete: 'email' }),
    field('Password', 'password', 'password', { autocomplete: 'new-password', minlength: 8 }),
    field('Name', 'name', 'text', { required: false, autocomplete: 'name' }),
  ];
  const signUp = form('Create account', fields, async (v) => {
    const { data, response, error } = await api.POST('/api/auth/signup', { body: { email: v.email, password: v.password, name: v.name || undefined } });
    if (data) say.info(data.message);
    else if (response.status === 404) say.error('Sign-up is not open on this service.');
    else say.error(explain(failureOf(response, error)));
  });
  return page('Create an account', say.el, signUp, back());
}
