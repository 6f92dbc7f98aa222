import twilio, { Twilio } from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import type { AppConfig } from '../infra/config/app-config';
import { smsEnabled } from '../infra/config/app-config';

/**
 * Sends the library's requests to another origin (TWILIO_API_URL): a local endpoint that
 * answers like Twilio's Messages resource in development and tests. The library has no
 * base-URL option, so the request client rewrites each URI.
 */
class RedirectingRequestClient extends RequestClient {
  constructor(private readonly origin: URL) {
    super({ timeout: 10_000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    target.protocol = this.origin.protocol;
    target.host = this.origin.host;
    target.pathname = `${this.origin.pathname.replace(/\/$/, '')}${target.pathname}`;
    return super.request({ ...opts, uri: target.toString() });
  }
}

/** The Twilio REST client for the configured account, or null when SMS is not configured. */
export function createTwilioClient(config: AppConfig): Twilio | null {
  if (!smsEnabled(config)) return null;
  const httpClient = config.TWILIO_API_URL
    ? new RedirectingRequestClient(new URL(config.TWILIO_API_URL))
    : new RequestClient({ timeout: 10_000 });
  return twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, { httpClient });
}
