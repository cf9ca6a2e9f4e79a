/**
 * The command line's own files: what it reads to send to the backend (packages, scenarios)
 * and the documents it writes from the backend's answer. Every failure is one Vietnamese
 * sentence naming the file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { PACKAGE_MAX_BYTES } from '../../shared/domain';

const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

const invalid = (message: string): ApiError => new ApiError('invalid_input', message);

/**
 * A package file, with the size cap every host applies before sending one (the reader
 * refuses anything larger anyway); the backend checks everything else.
 */
export function readPackageFile(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw invalid(`Không đọc được tệp: ${file}`);
  }
  if (!stat.isFile()) throw invalid(`Không phải tệp: ${file}`);
  if (stat.size > PACKAGE_MAX_BYTES) throw invalid(`Tệp quá lớn để là gói Đối Thoại: ${file}`);
  return fs.readFileSync(file);
}

/** A scenario file's JSON, not yet checked against the scenario format (the backend does that). */
export function readScenarioFile(file: string): unknown {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw invalid(`Không phải tệp: ${file}`);
    if (stat.size > MAX_SCENARIO_BYTES) throw invalid(`Tệp quá lớn: ${file}`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw invalid(`Không đọc được tệp: ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid(`Tệp không phải JSON hợp lệ: ${file}`);
  }
}

/**
 * Writes a finished file so that a failure never leaves half a file: the bytes go to a
 * temporary file in the same folder (same disk, so the rename is atomic), are flushed, and
 * only then take the final name. An existing file of that name is replaced whole.
 */
export async function writeFileWhole(target: string, data: Buffer): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.promises.rename(temp, target);
  } catch {
    await handle?.close().catch(() => {});
    await fs.promises.rm(temp, { force: true }).catch(() => {});
    throw invalid(`Không ghi được tệp: ${target}`);
  }
}

/** "bien-ban.PDF" → 'pdf', when it is one of `formats`; null for any other extension or none. */
export function formatOfFile<F extends string>(fileName: string, formats: readonly F[]): F | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return (formats as readonly string[]).includes(ext) ? (ext as F) : null;
}

/** The extension as the refusal names it: ".txt", or "(không có phần mở rộng)". */
export function extensionForMessage(fileName: string): string {
  return path.extname(fileName) || '(không có phần mở rộng)';
}
