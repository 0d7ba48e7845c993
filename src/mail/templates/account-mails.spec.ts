import { accountExistsMail, passwordResetMail, verificationMail } from './account-mails';
import { escapeHtml, inWords, renderMail } from './layout';

const LINK = 'https://app.example.com/reset-password?token=abc_DEF-123';

describe('mail templates', () => {
  it('puts the link in both bodies, as a button and as text in the HTML, with how long it works', () => {
    const mail = passwordResetMail('app.example.com', LINK, 30 * 60_000);
    expect(mail.subject).toBe('Reset your password');
    expect(mail.text).toContain(`Choose a new password:\n${LINK}\n`);
    expect(mail.text).toContain('for 30 minutes');
    expect(mail.html).toContain(`<a href="${LINK}"`);
    expect(mail.html).toContain(`>${LINK}</p>`);
    expect(verificationMail('app.example.com', LINK, 86_400_000, true).text).toContain('for 1 day');
  });

  it('escapes everything it puts into HTML, so no value can become markup', () => {
    const mail = renderMail({ subject: '<b>x</b>', paragraphs: ['Tom & "Jerry" <script>alert(1)</script>'], action: { label: 'Go', url: 'https://a.test/?q="><img src=x>' } });
    expect(mail.html).not.toMatch(/<script|<img|<b>/);
    expect(mail.html).toContain('Tom &amp; &quot;Jerry&quot; &lt;script&gt;');
    expect(mail.html).toContain('href="https://a.test/?q=&quot;&gt;&lt;img src=x&gt;"');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('gives the sign-in page in the "you already have an account" mail, and no token', () => {
    const mail = accountExistsMail('app.example.com', 'https://app.example.com');
    expect(mail.text).toContain('Go to sign-in:\nhttps://app.example.com\n');
    expect(mail.text).not.toContain('token');
  });

  it.each([
    [30 * 60_000, '30 minutes'],
    [86_400_000, '1 day'],
    [2 * 3_600_000, '2 hours'],
    [90_000, '90 seconds'],
    [500, '1 second'],
  ])('says %i ms as "%s"', (ms, words) => {
    expect(inWords(ms)).toBe(words);
  });
});
