/**
 * The package commands: `export` writes this unit's signed package, `verify` says what a
 * package is and what importing it would do (writing nothing), `accept-key` pins a unit's
 * new key, `import` takes many files. The files are read here and sent to the backend as
 * the app's hosts send them; the backend checks, signs and writes.
 */
import path from 'node:path';
import type { ImportResult, PackageFileInput } from '../../shared/api/types';
import { ApiError } from '../../shared/api/errors';
import { LIMITS, PACKAGE_BASE64_MAX, PACKAGE_IMPORT_MAX_FILES } from '../../shared/api/schemas';
import { formatDateVn } from '../../shared/dates';
import { firstEmoji } from '../../shared/emoji';
import { PACKAGE_EXTENSION } from '../../shared/domain';
import type { Backend } from '../backend';
import { askLater } from './api';
import { UsageError, type CliArgs } from './args';
import { readPackageFile, writeFileWhole } from './files';
import type { Output } from './output';

/** `export <id> --out FILE.doithoai`: the signed package of one of this unit's conferences. */
export function exportCommand(backend: Backend, args: CliArgs, io: Output): Promise<void> {
  if (args.rest.length !== 1) throw new UsageError('export cần đúng một mã hội nghị');
  if (!args.out) throw new UsageError('export cần --out <tệp.doithoai>');
  const id = args.rest[0]!;
  const out = args.out;
  // Checked before exporting: an export counts a revision.
  if (path.extname(out).toLowerCase() !== PACKAGE_EXTENSION) {
    throw new ApiError('invalid_input', `Gói gửi cấp trên phải là tệp ${PACKAGE_EXTENSION}: ${out}`);
  }
  return (async () => {
    const built = await askLater(backend, 'packages.export', { conferenceId: id }, { conferenceId: id });
    const bytes = Buffer.from(built.base64, 'base64');
    await writeFileWhole(out, bytes);
    if (args.json) io.out(JSON.stringify({ file: path.resolve(out), conferenceId: id, revision: built.revision, bytes: bytes.length }));
    else io.out(`Đã ghi gói gửi cấp trên (lần xuất ${built.revision}): ${out}`);
  })();
}

/**
 * `respond-export --unit <unitId> --out FILE.doithoai`, at the parent: the signed response
 * file with its answers to the matters that unit forwarded; the unit imports it with `import`.
 */
export function respondExportCommand(backend: Backend, args: CliArgs, io: Output): Promise<void> {
  if (args.rest.length > 0) throw new UsageError('respond-export không nhận tham số, chỉ --unit và --out');
  if (!args.unit) throw new UsageError('respond-export cần --unit <mã đơn vị cấp dưới>');
  if (!args.out) throw new UsageError('respond-export cần --out <tệp.doithoai>');
  const unitId = args.unit;
  const out = args.out;
  if (path.extname(out).toLowerCase() !== PACKAGE_EXTENSION) {
    throw new ApiError('invalid_input', `Tệp trả lời phải là tệp ${PACKAGE_EXTENSION}: ${out}`);
  }
  return (async () => {
    const built = await askLater(backend, 'responses.export', { unitId });
    const bytes = Buffer.from(built.base64, 'base64');
    await writeFileWhole(out, bytes);
    if (args.json) io.out(JSON.stringify({ file: path.resolve(out), unitId, matters: built.matters, bytes: bytes.length }));
    else io.out(`Đã ghi tệp trả lời (${built.matters} nội dung): ${out}`);
  })();
}

/**
 * The file as the API carries it. Its name goes into the parent's import log; a path the
 * API would refuse as a name (too long, an emoji) travels as its position instead, and the
 * officer still reads her own path in the answer.
 */
function packageFile(file: string, position: number, bytes: Buffer): PackageFileInput {
  const fits = file.trim() !== '' && file.length <= LIMITS.line && firstEmoji(file) === null;
  return { name: fits ? file : `tệp ${position + 1}${PACKAGE_EXTENSION}`, base64: bytes.toString('base64') };
}

const KEY_STATUS: Record<string, string> = {
  own: 'khóa của chính đơn vị này',
  new: 'gói đầu tiên của đơn vị: khóa sẽ được ghi nhận khi nhập',
  pinned: 'khớp khóa đã ghi nhận',
  changed: 'KHÁC khóa đã ghi nhận',
};

/** `verify <file>`: what the package is and what importing it would do; writes nothing. */
export function verifyCommand(backend: Backend, args: CliArgs, io: Output): Promise<void> {
  if (args.rest.length !== 1) throw new UsageError('verify cần đúng một tệp');
  const file = args.rest[0]!;
  return (async () => {
    const report = await askLater(backend, 'packages.check', { file: packageFile(file, 0, readPackageFile(file)) });
    if (args.json) {
      io.out(JSON.stringify(report, null, 2));
    } else {
      io.out(`Đơn vị: ${report.unit.name}`);
      io.out(`Hội nghị: ${report.conference.title} (${formatDateVn(report.conference.date)}), mã ${report.conference.id}`);
      io.out(`Lần xuất: ${report.conference.revision}`);
      io.out(`Chữ ký: hợp lệ`);
      io.out(`Khóa: ${report.fingerprint} — ${KEY_STATUS[report.key] ?? report.key}`);
      if (report.refusal) io.out(`Nếu nhập: bị từ chối — ${report.refusal}`);
    }
    if (report.refusal) throw new ApiError('refused', report.refusal);
  })();
}

/**
 * `accept-key <file>`: the officer phoned the unit and heard the new fingerprint; the key the
 * package is signed with is pinned. Nothing is imported: that is the next `import`.
 */
export function acceptKeyCommand(backend: Backend, args: CliArgs, io: Output): Promise<void> {
  if (args.rest.length !== 1) throw new UsageError('accept-key cần đúng một tệp');
  const file = args.rest[0]!;
  return (async () => {
    const accepted = await askLater(backend, 'packages.acceptKey', { file: packageFile(file, 0, readPackageFile(file)) });
    if (args.json) io.out(JSON.stringify(accepted, null, 2));
    else {
      const previous = accepted.previous ? ` thay cho khóa ${accepted.previous}` : '';
      io.out(`Đã chấp nhận khóa ${accepted.fingerprint} của ${accepted.unitName}${previous}. Hãy nhập lại gói.`);
    }
  })();
}

/**
 * `import <file...>`: each file checked completely, then written in its own transaction; the
 * others go on after a refusal or an unreadable file. The files go to the backend in as few
 * requests as the API's limits allow, in the order given.
 */
export function importCommand(backend: Backend, args: CliArgs, io: Output): Promise<void> {
  if (args.rest.length === 0) throw new UsageError('import cần ít nhất một tệp');
  return (async () => {
    // By position on the command line, so each line can be matched to its file.
    const results: ImportResult[] = [];
    let batch: Array<{ position: number; input: PackageFileInput }> = [];
    let batchSize = 0;
    const send = async () => {
      if (batch.length === 0) return;
      const sent = batch;
      batch = [];
      batchSize = 0;
      const imported = await askLater(backend, 'packages.import', { files: sent.map((b) => b.input) });
      // Each answer under the path as typed.
      imported.forEach((r, i) => {
        const { position } = sent[i]!;
        results[position] = { ...r, file: args.rest[position]! };
      });
    };
    for (const [position, file] of args.rest.entries()) {
      let input: PackageFileInput;
      try {
        input = packageFile(file, position, readPackageFile(file));
      } catch (error) {
        results[position] = { file, outcome: 'refused', message: error instanceof ApiError ? error.message : `Không đọc được tệp: ${file}` };
        continue;
      }
      if (batch.length === PACKAGE_IMPORT_MAX_FILES || batchSize + input.base64.length > PACKAGE_BASE64_MAX) await send();
      batch.push({ position, input });
      batchSize += input.base64.length;
    }
    await send();
    if (args.json) io.out(JSON.stringify(results, null, 2));
    else for (const r of results) io.out(`${r.file}: ${r.message.replace(/\s*\n\s*/g, ' ')}`);
    const refused = results.filter((r) => r.outcome === 'refused');
    if (refused.length > 0) throw new ApiError('refused', `${refused.length}/${results.length} tệp không nhập được.`);
  })();
}
