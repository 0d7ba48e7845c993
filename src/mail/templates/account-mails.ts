import { MailContent } from '../mail';
import { inWords, renderMail } from './layout';

/** Every mail ends the same way: why it came, and that nothing happens if it is ignored. */
const IGNORE = 'If you did not ask for this, you can ignore this mail: nothing changes.';

/** The link that sets a new password (the SPA's /reset-password page). */
export function passwordResetMail(site: string, link: string, ttlMs: number): MailContent {
  return renderMail({
    subject: 'Reset your password',
    paragraphs: [`Someone asked to reset the password of your account at ${site}.`, `The link below works once, for ${inWords(ttlMs)}.`],
    action: { label: 'Choose a new password', url: link },
    after: [`Setting a new password signs you out everywhere. ${IGNORE}`],
  });
}

/** The link that proves the address (the SPA's /verify-email page); worded as a welcome after a sign-up. */
export function verificationMail(site: string, link: string, ttlMs: number, afterSignUp: boolean): MailContent {
  return renderMail({
    subject: afterSignUp ? 'Confirm your e-mail address to finish signing up' : 'Verify your e-mail address',
    paragraphs: [
      afterSignUp ? `Welcome! To finish signing up at ${site}, confirm that this address is yours.` : `Please confirm that this address is yours, for your account at ${site}.`,
      `The link below works once, for ${inWords(ttlMs)}.`,
    ],
    action: { label: 'Confirm my e-mail address', url: link },
    after: [afterSignUp ? `If you did not sign up, you can ignore this mail: the account is not usable without this step.` : IGNORE],
  });
}

/** Someone signed up with an address that already has an account: tell its owner, and nothing to the caller. */
export function accountExistsMail(site: string, appUrl: string): MailContent {
  return renderMail({
    subject: 'You already have an account',
    paragraphs: [
      `Someone tried to sign up at ${site} with this e-mail address, but it already has an account, so no new one was made.`,
      'If it was you, sign in instead; if you forgot your password, ask for a reset link on the sign-in page.',
    ],
    action: { label: 'Go to sign-in', url: appUrl },
    after: [IGNORE],
  });
}

/** A sign-up that could not make the account (its username is taken): said by mail, as the answer was a 202. */
export function signUpNotCompletedMail(site: string, appUrl: string): MailContent {
  return renderMail({
    subject: 'Your sign-up was not completed',
    paragraphs: [
      `Someone tried to sign up at ${site} with this e-mail address, but the username chosen belongs to another account, so no account was made.`,
      'If it was you, sign up again with another username (or none).',
    ],
    action: { label: `Go to ${site}`, url: appUrl },
    after: [IGNORE],
  });
}
