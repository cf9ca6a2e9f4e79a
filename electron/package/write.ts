/**
 * Writes a package file from what the services decided: the data, the documents already
 * laid out, the revision, the unit's key pair. The manifest lists every entry with its
 * SHA-256 and size and is signed with Ed25519; the parent checks all of it (verify.ts).
 */
import { fileSlug } from '../../shared/text';
import { sha256 } from './digest';
import { sign, type KeyPair } from './keys';
import { PACKAGE_EXTENSION, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type DocumentEntry, type PackageManifest } from './model';
import { writeZip, type ZipEntry } from './zip-write';

export interface PackageContents {
  appVersion: string;
  unit: PackageManifest['unit'];
  conference: PackageManifest['conference'];
  keys: KeyPair;
  exportedAt: Date;
  /** data.json exactly as hashed for the revision. */
  dataBytes: Buffer;
  documents: Partial<Record<DocumentEntry, Buffer>>;
}

export interface WrittenPackage {
  bytes: Buffer;
  manifest: PackageManifest;
}

export async function writePackage(contents: PackageContents): Promise<WrittenPackage> {
  const entries: ZipEntry[] = [{ name: 'data.json', data: contents.dataBytes }];
  for (const name of ['minutes.docx', 'report.xlsx'] as const) {
    const doc = contents.documents[name];
    if (doc) entries.push({ name, data: doc });
  }
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    appVersion: contents.appVersion,
    unit: contents.unit,
    publicKey: contents.keys.publicKey.toString('base64'),
    exportedAt: contents.exportedAt.toISOString(),
    conference: contents.conference,
    files: Object.fromEntries(entries.map((e) => [e.name, { sha256: sha256(e.data), size: e.data.length }])),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const bytes = await writeZip(
    [{ name: 'manifest.json', data: manifestBytes }, { name: 'manifest.sig', data: sign(contents.keys.privateKey, manifestBytes) }, ...entries],
    contents.exportedAt,
  );
  return { bytes, manifest };
}

const KIND_SLUG = { periodic: 'dinh-ky', thematic: 'chuyen-de', adHoc: 'dot-xuat' } as const;

/** A default file name from unit, date and kind, e.g. "xa-tan-lap_2026-10-02_dinh-ky_r1.doithoai". */
export function packageFileName(unitName: string, conference: PackageManifest['conference']): string {
  return `${fileSlug(unitName) || 'don-vi'}_${conference.date}_${KIND_SLUG[conference.kind]}_r${conference.revision}${PACKAGE_EXTENSION}`;
}
