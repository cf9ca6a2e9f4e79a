import { ApiError } from '../../shared/api/errors';

/** Why a package was refused, for code to branch on; the message is for the officer. */
export type PackageProblem =
  | 'malformed' // not a ZIP, truncated, hostile names or sizes, bad JSON, schema violation
  | 'tampered' // a hash or the signature does not match
  | 'needs_update' // a newer or unknown format version
  | 'key_changed' // signed by another key than the one pinned for the unit
  | 'foreign' // writes conferences or rows of another unit
  | 'own_unit' // the package is this database's own unit's
  | 'response'; // a response file from the level above, not a conference: read by checkResponse

export class PackageError extends ApiError {
  constructor(
    readonly problem: PackageProblem,
    message: string,
  ) {
    super(problem === 'malformed' || problem === 'tampered' ? 'invalid_input' : 'refused', message);
    this.name = 'PackageError';
  }
}

export const malformed = (detail: string): PackageError => new PackageError('malformed', `Tệp không phải gói dữ liệu hợp lệ: ${detail}.`);
