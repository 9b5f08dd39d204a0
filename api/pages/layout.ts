// Minimal, accessible HTML pages for people who arrive from an email link (no console login).
export type { Locale as PageLocale } from '../../domain/types.js';
import type { Locale as PageLocale } from '../../domain/types.js';

import { escapeHtml } from '../../domain/text.js';

export { escapeHtml };

/** A whole HTML document: self-contained (inline style, no script, nothing fetched). */
export function htmlDocument(locale: PageLocale, title: string, style: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Endringsporten</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>`;
}

export function page(locale: PageLocale, title: string, body: string): string {
  return htmlDocument(locale, title, `
  body { font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.5; margin: 0; }
  main { max-width: 42rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.6rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  dt { font-weight: bold; }
  fieldset { border: 1px solid #595959; padding: 1rem; margin: 1rem 0; }
  legend { font-weight: bold; padding: 0 .25rem; }
  label { display: block; margin: .4rem 0; }
  textarea, input[type=text], input[type=number], input[type=date] { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #595959; }
  button { font: inherit; font-weight: bold; background: #0b5394; color: #ffffff; border: 0; padding: .75rem 1.5rem; border-radius: 4px; cursor: pointer; }
  button:focus-visible, input:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #e8a800; outline-offset: 2px; }
  .notice { border-left: 6px solid #0b5394; background: #eef4fa; padding: .75rem 1rem; }
  .problem { border-left: 6px solid #a50e0e; background: #fbeaea; padding: .75rem 1rem; }
  a { color: #0b5394; }
`, `<main id="main">
${body}
</main>`);
}
