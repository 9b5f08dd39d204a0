// One POST to a webhook receiver: no redirects followed, a bounded time, the answer's body read
// and dropped (never stored or shown, so a webhook cannot be used to read an internal page), and
// no connection to a link-local address, whatever the name resolves to when it is sent.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isLinkLocalHost } from '../domain/events.js';

export class BlockedAddressError extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((a) => isLinkLocalHost(a.address));
    if (blocked) return callback(new BlockedAddressError(`${hostname} resolves to the link-local address ${blocked.address}`) as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

export interface WebhookResponse {
  status: number;
}

export function postWebhook(target: string, body: string, headers: Record<string, string>, timeoutMs = 10_000): Promise<WebhookResponse> {
  const url = new URL(target);
  if (isLinkLocalHost(url.hostname)) return Promise.reject(new BlockedAddressError(`${url.hostname} is a link-local address`));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup: guardedLookup as RequestOptions['lookup'],
    timeout: timeoutMs,
  };
  return new Promise((resolve, reject) => {
    const request = send(url, options, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on('error', reject);
    request.end(body);
  });
}
