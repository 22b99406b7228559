import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AgencyErrorCode, agencyError } from './agencyErrors';

/** Rejects a request whose header does not carry the expected key (401 or 403 as given). */
export function requireApiKey(options: {
  header: string;
  key: string;
  who: string;
  code?: typeof AgencyErrorCode.Unauthorized | typeof AgencyErrorCode.Forbidden;
}): RequestHandler {
  const expected = digest(options.key);
  return (req, _res, next) => {
    const given = req.get(options.header);
    if (given === undefined || given === '') {
      throw agencyError(
        options.code ?? AgencyErrorCode.Unauthorized,
        `Missing ${options.header} header: send the key configured for ${options.who}.`,
      );
    }
    // Comparing digests keeps the comparison constant-time whatever the lengths.
    if (!timingSafeEqual(digest(given), expected)) {
      throw agencyError(
        options.code ?? AgencyErrorCode.Unauthorized,
        `Wrong ${options.header} for ${options.who}: send the key configured for it.`,
      );
    }
    next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
