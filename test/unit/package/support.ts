/** Databases with a unit and a conference, and packages to import, for the package tests. */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { buildPackage } from '../../../electron/services/package-export';
import { generateKeyPair, sign } from '../../../electron/package/keys';
import type { PackageData, PackageManifest } from '../../../electron/package/model';
import { loadScenario, parseScenario } from '../../../electron/services/scenarios';
import { readFixture, type TestBackend } from '../support/temp-db';
import { rawZip, type RawEntry } from './zip';

export function loadFixture(b: TestBackend, file: string): string {
  const scenario = parseScenario(readFixture(file));
  return b.ctx.db.transaction(() => loadScenario(b.ctx, scenario))();
}

export async function exportBytes(b: TestBackend, conferenceId: string): Promise<Buffer> {
  return (await buildPackage(b.ctx, conferenceId))!.bytes;
}

/** The entries of a package we wrote ourselves (stored or deflated, no tricks). */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const endAt = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(endAt + 10);
  let p = bytes.readUInt32LE(endAt + 16);
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extra = bytes.readUInt16LE(p + 30);
    const comment = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const body = bytes.subarray(start, start + compressed);
    out.set(name, method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body));
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * Re-signs a package after changing its manifest or data, with the given key (by default
 * a fresh one): a well-formed, correctly signed package whose content we chose.
 */
export function forge(
  original: Buffer,
  change: { manifest?: (m: PackageManifest) => void; data?: (d: PackageData) => void; dataBytes?: Buffer; extra?: RawEntry[] },
  key = generateKeyPair(),
): Buffer {
  const entries = unzip(original);
  const data = JSON.parse(entries.get('data.json')!.toString('utf8')) as PackageData;
  change.data?.(data);
  const dataBytes = change.dataBytes ?? Buffer.from(JSON.stringify(data), 'utf8');
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as PackageManifest;
  manifest.publicKey = key.publicKey.toString('base64');
  manifest.files = { 'data.json': { sha256: sha256(dataBytes), size: dataBytes.length } };
  change.manifest?.(manifest);
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  return rawZip([
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: sign(key.privateKey, manifestBytes) },
    { name: 'data.json', data: dataBytes },
    ...(change.extra ?? []),
  ]);
}
