/** Okta's error bodies: {errorCode, errorSummary, errorLink, errorId, errorCauses}. */
import { randomBytes } from 'node:crypto';
import type { JsonObject } from './types';

/** A failure a handler throws; the router turns it into Okta's error response. */
export class OktaError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly summary: string,
    readonly causes: string[] = [],
  ) {
    super(summary);
  }

  /** The JSON body Okta sends for this error. */
  body(): JsonObject {
    return {
      errorCode: this.errorCode,
      errorSummary: this.summary,
      errorLink: this.errorCode,
      // Okta's errorId is an opaque per-request id starting with "oae".
      errorId: `oae${randomBytes(12).toString('base64url')}`,
      errorCauses: this.causes.map((errorSummary) => ({ errorSummary })),
    };
  }
}

/** 404 E0000007, worded as Okta words it (e.g. "(AppInstance)"). */
export function notFound(id: string, kind: string): OktaError {
  return new OktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${kind})`);
}

/** 400 E0000001 with one errorCause per problem. */
export function validation(...causes: string[]): OktaError {
  return new OktaError(400, 'E0000001', 'Api validation failed: ' + causes.join('; '), causes);
}

/** 401 E0000011 for a missing or wrong SSWS token. */
export function invalidToken(): OktaError {
  return new OktaError(401, 'E0000011', 'Invalid token provided');
}

/** 429 E0000047. */
export function rateLimited(): OktaError {
  return new OktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');
}

/** A 5xx answer; Okta uses E0000009 for internal errors. */
export function serverError(status: number): OktaError {
  return new OktaError(status, 'E0000009', 'Internal Server Error');
}

/** 405 E0000022 for a known path with an unsupported method. */
export function methodNotAllowed(method: string): OktaError {
  return new OktaError(405, 'E0000022', `The endpoint does not support the provided HTTP method: ${method}`);
}
