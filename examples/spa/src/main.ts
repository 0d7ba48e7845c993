import { accountPage } from './pages/account';
import { forgotPasswordPage, resetPasswordPage, signUpPage, verifyEmailPage } from './pages/self-service';
import { signInPage, twoFactorPage } from './pages/sign-in';
import { refresh, state, whenSessionChanges } from './session';

const app = document.getElementById('app')!;

/** The pages anyone may open (the links of the mails among them); any other path is home. */
const PUBLIC_PAGES: Partial<Record<string, () => HTMLElement[]>> = {
  '/two-factor': twoFactorPage,
  '/forgot-password': forgotPasswordPage,
  '/reset-password': resetPasswordPage,
  '/verify-email': verifyEmailPage,
  '/sign-up': signUpPage,
};

function render(): void {
  const publicPage = PUBLIC_PAGES[location.pathname];
  const content = publicPage !== undefined && !state.user ? publicPage() : state.user ? accountPage() : signInPage();
  app.replaceChildren(...content);
}

window.addEventListener('popstate', render);
whenSessionChanges(render);
app.textContent = 'Loading…';
// A reload (or a new tab) has no access token in memory: the HttpOnly cookie gets a new one, if there is a session.
void refresh().finally(render);
