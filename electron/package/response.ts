/**
 * The response file: the level above's answers to the matters a unit forwarded to it
 * (Kiến nghị cấp trên), travelling back down in the same signed .doithoai container.
 * manifest.json says `"kind": "response"`, names the sending unit (`from`) and the unit it
 * is for (`to`), and lists response.json with its SHA-256; manifest.sig is the sender's
 * Ed25519 signature of manifest.json. docs/package-format.md, "Response files", describes it.
 */
import { sha256 } from './digest';
import { malformed, PackageError } from './errors';
import { parseJson } from './json';
import { isEd25519Spki, sign, verifySignature, type KeyPair } from './keys';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, RESPONSE_KIND, type ResponseData, type ResponseManifest } from './model';
import { readEntries } from './read';
import { validateResponseData, validateResponseManifest } from './validate';
import { writeZip } from './zip-write';

export interface CheckedResponse {
  manifest: ResponseManifest;
  data: ResponseData;
  publicKey: Buffer;
  sha256: string;
}

/** True for a parsed manifest that says it is a response file (checked in full by `checkResponse`). */
export function isResponseManifest(raw: unknown): boolean {
  return raw !== null && typeof raw === 'object' && (raw as { kind?: unknown }).kind === RESPONSE_KIND;
}

export async function writeResponse(contents: {
  appVersion: string;
  from: ResponseManifest['from'];
  to: ResponseManifest['to'];
  keys: KeyPair;
  exportedAt: Date;
  data: ResponseData;
}): Promise<{ bytes: Buffer; manifest: ResponseManifest }> {
  const dataBytes = Buffer.from(JSON.stringify(contents.data), 'utf8');
  const manifest: ResponseManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    kind: RESPONSE_KIND,
    appVersion: contents.appVersion,
    from: contents.from,
    to: contents.to,
    publicKey: contents.keys.publicKey.toString('base64'),
    exportedAt: contents.exportedAt.toISOString(),
    files: { 'response.json': { sha256: sha256(dataBytes), size: dataBytes.length } },
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const bytes = await writeZip(
    [
      { name: 'manifest.json', data: manifestBytes },
      { name: 'manifest.sig', data: sign(contents.keys.privateKey, manifestBytes) },
      { name: 'response.json', data: dataBytes },
    ],
    contents.exportedAt,
  );
  return { bytes, manifest };
}

/** Everything about a response file that needs no database; throws PackageError in Vietnamese. */
export async function checkResponse(bytes: Buffer): Promise<CheckedResponse> {
  const entries = await readEntries(bytes);
  for (const required of ['manifest.json', 'manifest.sig', 'response.json']) {
    if (!entries.has(required)) throw malformed(`thiếu mục "${required}"`);
  }
  const manifestBytes = entries.get('manifest.json')!;
  const manifest = validateResponseManifest(parseJson(manifestBytes, 'manifest.json', { maxBytes: 64 * 1024, maxDepth: 8 }));
  const publicKey = Buffer.from(manifest.publicKey, 'base64');
  if (!isEd25519Spki(publicKey)) throw malformed('khóa công khai không phải khóa Ed25519');
  if (!verifySignature(publicKey, manifestBytes, entries.get('manifest.sig')!)) {
    throw new PackageError('tampered', 'Chữ ký của tệp trả lời không hợp lệ: tệp đã bị sửa đổi hoặc không do đơn vị ghi trong tệp ký. Không nhập.');
  }
  const others = [...entries.keys()].filter((n) => n !== 'manifest.json' && n !== 'manifest.sig');
  if (others.join() !== 'response.json') throw new PackageError('tampered', 'Các mục trong tệp trả lời không khớp với bản kê đã ký. Không nhập.');
  const content = entries.get('response.json')!;
  const listed = manifest.files['response.json'];
  if (content.length !== listed.size || sha256(content) !== listed.sha256) {
    throw new PackageError('tampered', 'Nội dung tệp trả lời đã bị thay đổi sau khi ký (mã băm không khớp). Không nhập.');
  }
  const data = validateResponseData(parseJson(content, 'response.json', { maxBytes: 4 * 1024 * 1024, maxDepth: 8 }));
  const ids = new Set<string>();
  const concerns = new Set<string>();
  for (const answer of data.answers) {
    if (concerns.has(answer.concernId)) throw malformed(`nội dung "${answer.concernId}" có hai lần trong tệp trả lời`);
    concerns.add(answer.concernId);
    for (const entry of answer.entries) {
      if (ids.has(entry.id)) throw malformed(`mã "${entry.id}" xuất hiện hai lần`);
      ids.add(entry.id);
    }
  }
  return { manifest, data, publicKey, sha256: sha256(bytes) };
}
