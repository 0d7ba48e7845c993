import { MailContent } from '../mail';

/** What a mail says: short paragraphs, optionally one button (a link), then closing paragraphs. */
export interface MailBody {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  after?: string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text into HTML: nothing in a paragraph or a URL can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const P = 'style="margin:0 0 16px;font:16px/1.5 sans-serif;color:#222"';
const BUTTON = 'style="display:inline-block;padding:10px 18px;border-radius:6px;background:#1f5fbf;color:#fff;font:600 16px sans-serif;text-decoration:none"';
const SMALL = 'style="margin:0 0 16px;font:13px/1.5 sans-serif;color:#555;word-break:break-all"';

/**
 * One layout for every mail, as plain text and as HTML with the same words. The HTML repeats the link as text under
 * the button, for mail clients that strip links; no image, script or remote resource.
 */
export function renderMail(body: MailBody): MailContent {
  const { subject, paragraphs, action, after = [] } = body;
  const text = [...paragraphs, ...(action ? [`${action.label}:\n${action.url}`] : []), ...after].join('\n\n') + '\n';
  const para = (p: string) => `<p ${P}>${escapeHtml(p)}</p>`;
  const button = action
    ? `<p ${P}><a href="${escapeHtml(action.url)}" ${BUTTON}>${escapeHtml(action.label)}</a></p>` +
      `<p ${SMALL}>${escapeHtml(action.url)}</p>`
    : '';
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#fff"><div style="max-width:560px">` +
    `${paragraphs.map(para).join('')}${button}${after.map(para).join('')}</div></body></html>\n`;
  return { subject, text, html };
}

/** "30 minutes", "24 hours", "1 day": how long a link stays valid, in words. */
export function inWords(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second']];
  const [size, name] = units.find(([size]) => ms >= size && ms % size === 0) ?? units.find(([size]) => ms >= size) ?? [1000, 'second'];
  const n = Math.max(1, Math.round(ms / size));
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}
