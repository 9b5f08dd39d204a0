// Clicking an emailed action link as its recipient would: GET shows, a form POST acts.
import { actionLinkIn, type CaughtEmail } from './mailbox.js';

export const linkPath = (email: CaughtEmail) => new URL(actionLinkIn(email)).pathname;

export async function openLink(baseUrl: string, path: string) {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, text: await response.text() };
}

export async function postForm(baseUrl: string, path: string, fields: Record<string, string>) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}
