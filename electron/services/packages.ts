/**
 * Packages through the API: the request's transaction only checks what is cheap to check;
 * reading ZIPs, verifying signatures and laying out documents happen afterwards (`later`),
 * each import in its own transaction per file, so the secretary's typing never waits.
 */
import type { ApiParsed } from '../../shared/api/contract';
import type { AcceptedKey, ExportedPackage, ImportResult, OwnKey, PackageCheck, PackageFileInput } from '../../shared/api/types';
import { checkExportable } from '../package/export';
import { acceptNewKey, exportConference, importPackages, unitKeyFingerprint, verifyPackage, PackageError } from '../package/index';
import { refused, type ServiceContext } from './context';
import { later, type Later } from './later';

const PACKAGE_MIME = 'application/vnd.doithoai.package+zip';

export function ownKey(ctx: ServiceContext): OwnKey | null {
  return unitKeyFingerprint(ctx);
}

export function exportPackage(ctx: ServiceContext, input: ApiParsed<'packages.export'>): Later<ExportedPackage> {
  checkExportable(ctx, input.conferenceId);
  return later(async () => {
    const built = await exportConference(ctx, input.conferenceId);
    return {
      fileName: built.fileName,
      mimeType: PACKAGE_MIME,
      base64: built.bytes.toString('base64'),
      conferenceId: input.conferenceId,
      revision: built.manifest.conference.revision,
    };
  });
}

export function checkPackageFile(ctx: ServiceContext, input: ApiParsed<'packages.check'>): Later<PackageCheck> {
  return later(() => asRefusal(verifyPackage(ctx, bytesOf(input.file))));
}

export function importPackageFiles(ctx: ServiceContext, input: ApiParsed<'packages.import'>): Later<ImportResult[]> {
  return later(() => importPackages(ctx, input.files.map((f) => ({ name: f.name, bytes: bytesOf(f) })), ctx.log));
}

export function acceptPackageKey(ctx: ServiceContext, input: ApiParsed<'packages.acceptKey'>): Later<AcceptedKey> {
  return later(() => asRefusal(acceptNewKey(ctx, bytesOf(input.file))));
}


function bytesOf(file: PackageFileInput): Buffer {
  return Buffer.from(file.base64, 'base64');
}

/** A broken package is the officer's to read about, not an internal error. */
async function asRefusal<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof PackageError) throw refused(error.message);
    throw error;
  }
}
