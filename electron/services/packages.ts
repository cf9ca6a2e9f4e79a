/**
 * Packages sent up to the parent unit (docs/package-format.md): export, verify, import and
 * this unit's key, through the API. The request's transaction only checks what is cheap to
 * check; reading ZIPs, verifying signatures and laying out documents happen afterwards
 * (`later`), each import in its own transaction per file, so the secretary's typing never
 * waits. The file format itself is package/'s; the database side is here and in the
 * package-*.ts services.
 */
import type { ApiParsed } from '../../shared/api/contract';
import type { AcceptedKey, ExportedPackage, ImportResult, OwnKey, PackageCheck, PackageFileInput } from '../../shared/api/types';
import { PackageError } from '../package/errors';
import { fingerprint } from '../package/keys';
import { refused, type ServiceContext } from './context';
import { later, type Later } from './later';
import { checkExportable, exportConference } from './package-export';
import { checkAgainstDatabase, importPackages, keyStatus, revisionStatus } from './package-import';
import { ensureOwnKey, pinKey, pinnedKey } from './unit-keys';
import { getOwnUnit, getUnit } from './units';

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

/** Checks a package completely and says what importing it would do; writes nothing. Throws PackageError. */
export async function verifyPackage(ctx: ServiceContext, bytes: Buffer): Promise<PackageCheck> {
  const checked = await ctx.packageChecker.check(bytes);
  const { manifest } = checked;
  let refusal: string | null = null;
  try {
    checkAgainstDatabase(ctx, checked);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    refusal = error.message;
  }
  return {
    unit: { id: manifest.unit.id, name: manifest.unit.name, level: manifest.unit.level },
    conference: { ...manifest.conference },
    exportedAt: manifest.exportedAt,
    appVersion: manifest.appVersion,
    signature: 'valid',
    fingerprint: fingerprint(checked.publicKey),
    key: keyStatus(ctx, checked),
    pinnedFingerprint: pinnedKey(ctx, manifest.unit.id)?.fingerprint ?? null,
    revisionStatus: revisionStatus(ctx, checked),
    refusal,
  };
}

/** This unit's key fingerprint for settings ("3F2A-9C01-…"), made on first use; null before setup. */
export function unitKeyFingerprint(ctx: ServiceContext): { unitId: string; fingerprint: string } | null {
  return ctx.db.transaction(() => {
    const unit = getOwnUnit(ctx);
    if (!unit) return null;
    return { unitId: unit.id, fingerprint: fingerprint(ensureOwnKey(ctx, unit.id).publicKey) };
  })();
}

/**
 * The officer confirmed by phone that a unit has a new key: pin the key this package is
 * signed with. The package must be valid in every other way; it is not imported here.
 */
export async function acceptNewKey(ctx: ServiceContext, bytes: Buffer): Promise<AcceptedKey> {
  const checked = await ctx.packageChecker.check(bytes);
  return ctx.db.transaction(() => {
    const unitId = checked.manifest.unit.id;
    if (keyStatus(ctx, checked) === 'own') throw refused('Đây là khóa của chính đơn vị này.');
    const previous = pinnedKey(ctx, unitId)?.fingerprint ?? null;
    if (getUnit(ctx, unitId)) pinKey(ctx, unitId, checked.publicKey);
    else throw refused(`Đơn vị ${checked.manifest.unit.name} chưa có ở đây: hãy nhập gói bình thường, khóa sẽ được ghi nhận khi nhập lần đầu.`);
    return { unitId, unitName: checked.manifest.unit.name, previous, fingerprint: fingerprint(checked.publicKey) };
  })();
}
