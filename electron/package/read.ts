/**
 * Reads the entries of a package from memory with yauzl, trusting nothing: the file size,
 * the number of entries, each name, each declared and actual size, the compression ratio
 * and the total are all checked, and reading stops at the first thing wrong. Memory stays
 * bounded by the limits below whatever the file claims.
 */
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { PACKAGE_MAX_BYTES } from '../../shared/domain';
import { malformed, PackageError } from './errors';
import { PACKAGE_EXTENSION } from './model';

export const LIMITS = {
  /** The package file itself. */
  fileBytes: PACKAGE_MAX_BYTES,
  /** Entries in the central directory: manifest, signature, data, two documents. */
  entries: 8,
  /** Uncompressed size of each entry, by name; documents may carry fonts and images. */
  entryBytes: {
    'manifest.json': 64 * 1024,
    'manifest.sig': 1024,
    'data.json': 16 * 1024 * 1024,
    'minutes.docx': 24 * 1024 * 1024,
    'report.xlsx': 24 * 1024 * 1024,
    // A response file (answers from the level above) carries this instead of data.json.
    'response.json': 4 * 1024 * 1024,
  } as Record<string, number>,
  /** All entries together, uncompressed. */
  totalBytes: 48 * 1024 * 1024,
  /** Uncompressed / compressed above this is a bomb, not text (JSON compresses ~5–20×). */
  ratio: 200,
  /** Below this size the ratio is not judged: a tiny entry may compress well. */
  ratioFloorBytes: 64 * 1024,
} as const;

/** The only entries a package may hold. */
export const KNOWN_ENTRIES = Object.keys(LIMITS.entryBytes);

export type Entries = Map<string, Buffer>;

const SYMLINK = 0o120000;
const FILE_TYPE_MASK = 0o170000;
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

/** All entries, fully checked; throws a PackageError with a Vietnamese message. */
export async function readEntries(bytes: Buffer): Promise<Entries> {
  if (bytes.length === 0) throw malformed('tệp rỗng');
  if (bytes.length > LIMITS.fileBytes) throw malformed(`tệp lớn hơn ${LIMITS.fileBytes / 1024 / 1024} MB`);
  if (bytes.length < 22 || !bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw notAPackage();

  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, zipfile) => {
      if (error || !zipfile) reject(malformed(`tệp ZIP hỏng hoặc bị cắt cụt (${describe(error)})`));
      else resolve(zipfile);
    });
  });
  try {
    if (zip.entryCount > LIMITS.entries) throw malformed(`có ${zip.entryCount} mục, nhiều hơn giới hạn ${LIMITS.entries}`);
    // All names first, so that a duplicate is named as such whatever else is wrong with it.
    const listed: yauzl.Entry[] = [];
    const seen = new Set<string>();
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      checkName(entry, seen);
      listed.push(entry);
    }
    // A ZIP without a manifest (a .docx, a .zip of photos) is simply not a package: say that, not what is inside.
    if (!listed.some((e) => e.fileName === 'manifest.json')) throw notAPackage();
    const entries: Entries = new Map();
    let total = 0;
    for (const entry of listed) {
      const name = entry.fileName;
      if (!KNOWN_ENTRIES.includes(name)) throw malformed(`mục "${safe(name)}" không thuộc định dạng gói`);
      const limit = LIMITS.entryBytes[name]!;
      if (entry.uncompressedSize > limit) throw malformed(`mục "${name}" lớn hơn giới hạn`);
      total += entry.uncompressedSize;
      if (total > LIMITS.totalBytes) throw malformed('tổng dung lượng giải nén vượt giới hạn');
      if (entry.uncompressedSize > LIMITS.ratioFloorBytes && entry.uncompressedSize > entry.compressedSize * LIMITS.ratio) {
        throw malformed(`mục "${name}" có tỉ lệ nén bất thường (nghi là bom ZIP)`);
      }
      const content = await readEntry(zip, bytes, entry, name, limit);
      if (!name.endsWith('.docx') && !name.endsWith('.xlsx') && content.subarray(0, 4).equals(ZIP_MAGIC)) {
        throw malformed(`mục "${name}" là một tệp ZIP lồng bên trong`);
      }
      entries.set(name, content);
    }
    if (entries.size !== zip.entryCount) throw malformed('số mục không khớp với thư mục trung tâm');
    return entries;
  } finally {
    zip.close();
  }
}

/** What the officer is told when the file chosen is something else than a package (issue 8, C16). */
const notAPackage = (): PackageError => new PackageError('malformed', `Tệp này không phải gói ${PACKAGE_EXTENSION}.`);

function checkName(entry: yauzl.Entry, seen: Set<string>): void {
  const raw = entry.fileNameRaw.toString('latin1');
  const name = entry.fileName;
  if (raw.includes('\\') || name.includes('\\')) throw malformed(`tên mục "${safe(name)}" chứa dấu gạch ngược`);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').includes('..')) {
    throw malformed(`tên mục "${safe(name)}" trỏ ra ngoài gói`);
  }
  // Duplicates also when they differ only by case or Unicode normalisation.
  const key = name.normalize('NFC').toLowerCase();
  if (seen.has(key)) throw malformed(`tên mục "${safe(name)}" bị trùng`);
  seen.add(key);
  if (((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK) throw malformed(`mục "${safe(name)}" là liên kết tượng trưng`);
  if (entry.isEncrypted()) throw malformed(`mục "${safe(name)}" bị mã hóa`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw malformed(`mục "${safe(name)}" dùng kiểu nén không hỗ trợ`);
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (error: unknown) => (cleanup(), reject(malformed(`mục lục ZIP không hợp lệ (${describe(error)})`)));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/**
 * The entry's bytes, checked against what it declared and its limit. yauzl reads and checks
 * the local header (it finds where the data starts); the package is already in memory, so
 * the stored bytes are taken from it directly, within bounds, and inflated in one bounded
 * step: streams and the thread pool cost several times the work for entries this small.
 */
async function readEntry(zip: yauzl.ZipFile, bytes: Buffer, entry: yauzl.Entry, name: string, limit: number): Promise<Buffer> {
  let start: number;
  try {
    start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
  } catch (error) {
    throw malformed(`không đọc được mục "${name}" (${describe(error)})`);
  }
  const wrongSize = () => malformed(`kích thước mục "${name}" không đúng như khai báo`);
  if (start + entry.compressedSize > bytes.length) throw wrongSize();
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (entry.compressionMethod === 0) {
    if (raw.length !== entry.uncompressedSize) throw wrongSize();
    return Buffer.from(raw);
  }
  let content: Buffer;
  try {
    // One byte over what was declared is enough to know the declaration lied.
    content = zlib.inflateRawSync(raw, { maxOutputLength: Math.min(entry.uncompressedSize, limit) + 1 });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw wrongSize();
    throw malformed(`mục "${name}" hỏng (${describe(error)})`);
  }
  if (content.length !== entry.uncompressedSize) throw wrongSize();
  return content;
}

/** yauzl and zlib say what is wrong in English; the officer reads it in Vietnamese. */
const REASONS: Array<[RegExp, string]> = [
  [/size mismatch|too many bytes|too few bytes|buffer.*larger/i, 'kích thước không đúng như khai báo'],
  [/end of central directory|truncat|unexpected end|eof/i, 'tệp bị cắt cụt'],
  [/file name|path|characters/i, 'tên mục không hợp lệ'],
  [/encrypt/i, 'mục bị mã hóa'],
  [/compression method/i, 'kiểu nén không hỗ trợ'],
  [/signature|header|invalid|incorrect|corrupt/i, 'cấu trúc ZIP không hợp lệ'],
];

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return REASONS.find(([pattern]) => pattern.test(text))?.[1] ?? 'không đọc được';
}

/** A name from a hostile file, shortened and without control characters, fit to show. */
function safe(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}
