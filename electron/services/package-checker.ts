/**
 * What the services need to check a package file (ZIP, hashes, signature, schema — no
 * database), and the way that needs nothing else: this thread (command line, tests). The
 * app's hosts hand the services the background worker instead (electron/worker/), so that
 * reading thirty files, or one of 64 MB, never holds up the main process.
 */
import { checkPackage, type CheckedPackage } from '../package/verify';

export interface PackageChecker {
  check(bytes: Buffer): Promise<CheckedPackage>;
}

export const inThreadChecker: PackageChecker = { check: checkPackage };
