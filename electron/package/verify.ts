/**
 * Everything that can be checked about a package without the database: entries, format
 * version, schema, signature, hashes, and that its data hangs together. The result is
 * trusted data, or a PackageError with a Vietnamese message.
 */
import { sha256 } from './digest';
import { malformed, PackageError } from './errors';
import { parseJson } from './json';
import { isEd25519Spki, verifySignature } from './keys';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, READABLE_FORMAT_VERSIONS, type DocumentEntry, type PackageData, type PackageManifest } from './model';
import { readEntries } from './read';
import { validateData, validateManifest } from './validate';

export interface CheckedPackage {
  manifest: PackageManifest;
  data: PackageData;
  publicKey: Buffer;
  /** SHA-256 of the whole file, for the import log. */
  sha256: string;
  /** The signed documents the package carried (hashes checked), kept at the parent for "Tải bản gốc". */
  documents: Partial<Record<DocumentEntry, Buffer>>;
}

export async function checkPackage(bytes: Buffer): Promise<CheckedPackage> {
  const entries = await readEntries(bytes);
  for (const required of ['manifest.json', 'manifest.sig', 'data.json']) {
    if (!entries.has(required)) throw malformed(`thiếu mục "${required}"`);
  }
  const manifestBytes = entries.get('manifest.json')!;
  const raw = parseJson(manifestBytes, 'manifest.json', { maxBytes: 64 * 1024, maxDepth: 8 });
  checkFormat(raw);
  const manifest = validateManifest(raw);

  const publicKey = Buffer.from(manifest.publicKey, 'base64');
  if (!isEd25519Spki(publicKey)) throw malformed('khóa công khai không phải khóa Ed25519');
  if (!verifySignature(publicKey, manifestBytes, entries.get('manifest.sig')!)) {
    throw new PackageError('tampered', 'Chữ ký của gói không hợp lệ: gói đã bị sửa đổi hoặc không do đơn vị ghi trong gói ký. Không nhập.');
  }
  const listed = Object.keys(manifest.files).sort();
  const present = [...entries.keys()].filter((n) => n !== 'manifest.json' && n !== 'manifest.sig').sort();
  if (listed.join('\n') !== present.join('\n')) throw new PackageError('tampered', 'Các mục trong gói không khớp với bản kê đã ký. Không nhập.');
  for (const name of listed) {
    const expected = manifest.files[name as keyof PackageManifest['files']]!;
    const content = entries.get(name)!;
    if (content.length !== expected.size || sha256(content) !== expected.sha256) {
      throw new PackageError('tampered', `Nội dung mục "${name}" đã bị thay đổi sau khi ký (mã băm không khớp). Không nhập.`);
    }
  }

  const data = validateData(parseJson(entries.get('data.json')!, 'data.json', { maxBytes: 16 * 1024 * 1024, maxDepth: 16 }));
  checkConsistency(manifest, data);
  const documents: Partial<Record<DocumentEntry, Buffer>> = {};
  for (const name of ['minutes.docx', 'report.xlsx'] as const) {
    const content = entries.get(name);
    if (content) documents[name] = content;
  }
  return { manifest, data, publicKey, sha256: sha256(bytes), documents };
}

/** Before the schema: a newer format may have another schema, and deserves a clearer answer. */
function checkFormat(raw: unknown): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw malformed('manifest.json không phải một đối tượng');
  const { format, formatVersion } = raw as Record<string, unknown>;
  if (format !== PACKAGE_FORMAT) throw malformed('không phải gói dữ liệu Đối Thoại');
  if (typeof formatVersion !== 'number' || !READABLE_FORMAT_VERSIONS.includes(formatVersion)) {
    const shown = typeof formatVersion === 'number' || typeof formatVersion === 'string' ? String(formatVersion).slice(0, 20) : 'không rõ';
    throw new PackageError(
      'needs_update',
      `Gói dùng định dạng phiên bản ${shown}, phần mềm này chỉ đọc được đến phiên bản ${PACKAGE_FORMAT_VERSION}: cần cập nhật phần mềm.`,
    );
  }
}

/** Ids unique, every reference inside the package resolvable, the data the manifest names. */
function checkConsistency(manifest: PackageManifest, data: PackageData): void {
  const c = data.conference;
  // Version 2 says how the unit prints its documents; version 1 could not, and must not pretend to.
  if ((manifest.formatVersion >= 2) !== (data.documents !== undefined)) {
    throw malformed(manifest.formatVersion >= 2 ? 'data.json thiếu thiết lập văn bản của đơn vị' : 'gói phiên bản 1 không được có thiết lập văn bản');
  }
  if (c.id !== manifest.conference.id) throw malformed('mã hội nghị trong dữ liệu khác với bản kê');
  if (c.unitId !== manifest.unit.id) throw new PackageError('foreign', 'Hội nghị trong gói không thuộc đơn vị đã ký gói. Không nhập.');
  const ids = new Set<string>([c.id]);
  const unique = (id: string) => {
    if (ids.has(id)) throw malformed(`mã "${id}" xuất hiện hai lần`);
    ids.add(id);
  };
  const speakers = new Set(data.speakers.map((s) => (unique(s.id), s.id)));
  const turns = new Set(data.turns.map((t) => (unique(t.id), t.id)));
  const fields = new Set(data.fields.map((f) => f.id));
  const agencies = new Set(data.agencies.map((a) => a.id));
  for (const t of data.turns) if (!speakers.has(t.speakerId)) throw malformed('lượt ý kiến trỏ tới đại biểu không có trong gói');
  const concerns = new Set<string>();
  for (const k of data.concerns) {
    unique(k.id);
    concerns.add(k.id);
    if ((k.source === 'turn') !== (k.turnId !== null)) throw malformed('nội dung kiến nghị có nguồn không khớp với lượt ý kiến');
    if (k.turnId !== null && !turns.has(k.turnId)) throw malformed('nội dung kiến nghị trỏ tới lượt ý kiến không có trong gói');
    if (k.fieldId !== null && !fields.has(k.fieldId)) throw malformed('nội dung kiến nghị trỏ tới lĩnh vực không có trong gói');
    if (k.agencyId !== null && !agencies.has(k.agencyId)) throw malformed('nội dung kiến nghị trỏ tới cơ quan không có trong gói');
  }
  for (const h of data.statusChanges) {
    unique(h.id);
    if (!concerns.has(h.concernId)) throw malformed('lịch sử trạng thái trỏ tới nội dung không có trong gói');
  }
}
