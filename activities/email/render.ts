// Renders one email as HTML and plain text from a small, fixed layout.
import { escapeHtml } from '../../domain/text.js';
import type { Locale } from './texts.js';
import { T } from './texts.js';

export interface EmailContent {
  locale: Locale;
  subject: string;
  greeting: string;
  lead: string;
  facts: [string, string][];
  list?: { title: string; items: string[] };
  action?: { label: string; url: string; note: string };
  consoleUrl: string;
}


/**
 * People's words in a plain-text email: a line break inside a value continues as an indented,
 * quoted line, so a title or comment can never start a line of its own that looks like ours
 * ("Open and answer: https://…"). Other control characters become spaces.
 */
export const quoted = (value: string) => value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ').replace(/\r\n?|\n|\u2028|\u2029/g, '\n    > ');

export function renderText(content: EmailContent): string {
  const t = T[content.locale];
  const lines = [quoted(content.greeting), '', quoted(content.lead), ''];
  for (const [label, value] of content.facts) lines.push(`${label}: ${quoted(value)}`);
  if (content.list) lines.push('', `${content.list.title}:`, ...content.list.items.map((item) => `  - ${quoted(item)}`));
  if (content.action) lines.push('', `${content.action.label}: ${content.action.url}`, content.action.note);
  lines.push('', `${t.console}: ${content.consoleUrl}`, '', '--', t.footer);
  return lines.join('\n');
}

const paragraph = (value: string) => escapeHtml(value).replace(/\r\n?|\n/g, '<br>');

export function renderHtml(content: EmailContent): string {
  const t = T[content.locale];
  const facts = content.facts
    .map(([label, value]) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${paragraph(value)}</td></tr>`)
    .join('');
  const list = content.list
    ? `<h2 style="font-size:16px">${escapeHtml(content.list.title)}</h2><ul>${content.list.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
    : '';
  const action = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#0b5394;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(content.action.label)}</a></p><p style="color:#333333;font-size:13px">${escapeHtml(content.action.note)}</p>`
    : '';
  return `<!doctype html><html lang="${content.locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:640px">
<p>${escapeHtml(content.greeting)}</p>
<p style="font-size:16px"><strong>${paragraph(content.lead)}</strong></p>
<table role="presentation">${facts}</table>
${list}
${action}
<p><a href="${escapeHtml(content.consoleUrl)}" style="color:#0b5394">${escapeHtml(t.console)}</a></p>
<hr><p style="color:#333333;font-size:12px">${escapeHtml(t.footer)}</p>
</body></html>`;
}
