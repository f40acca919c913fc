import { isLoopbackHostHeader, isLoopbackUrl } from './loopback.js';

/**
 * Without MicrosoftAppId nobody's token is checked, so the endpoint must only be usable by the Bot
 * Framework Emulator on this machine, never by a web page the developer happens to have open.
 */

/** Why a request was refused: the HTTP status, the neutral body and the code for the log. */
export interface Refusal {
  status: number;
  error: string;
  code: string;
}

export interface LocalRequestHeaders {
  origin?: string | undefined;
  host?: string | undefined;
  contentType?: string | undefined;
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Refuses what a browser could send: anything with an Origin, a foreign Host (DNS rebinding), or a body that is not JSON. */
export function refuseLocalRequest(headers: LocalRequestHeaders): Refusal | undefined {
  // Browsers put Origin on every cross-site POST, including the text/plain ones sent without a preflight; the Emulator sends none.
  if (headers.origin !== undefined) return { status: 403, error: 'forbidden', code: 'TEAMS_LOCAL_ORIGIN' };
  // A page whose own host name resolves to 127.0.0.1 sends that name as Host.
  if (!isLoopbackHostHeader(headers.host)) return { status: 403, error: 'forbidden', code: 'TEAMS_LOCAL_HOST' };
  if (!isJson(headers.contentType)) return { status: 415, error: 'unsupported media type', code: 'TEAMS_LOCAL_CONTENT_TYPE' };
  return undefined;
}

/** The bot POSTs its answer to the activity's serviceUrl: in local mode only the Emulator on this machine may be that. */
export function refuseLocalServiceUrl(serviceUrl: string): Refusal | undefined {
  if (isLoopbackUrl(serviceUrl)) return undefined;
  return { status: 400, error: 'serviceUrl must be a loopback address in local mode', code: 'TEAMS_LOCAL_SERVICE_URL' };
}
