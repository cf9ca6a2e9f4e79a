/** The command line's commands, over the same services and dispatch as the app. */
import fs from 'node:fs';
import path from 'node:path';
import type { ConferenceDetail, ConferenceSummary } from '../../shared/api/types';
import { ApiError } from '../../shared/api/errors';
import { CONFERENCE_KIND_LABELS, CONFERENCE_STATUS_LABELS, HANDLING_LABELS, HANDLINGS } from '../../shared/domain';
import { formatDateVn } from '../../shared/dates';
import type { ServiceContext } from '../services/context';
import { dispatch } from '../services/dispatch';
import { loadScenario, parseScenario } from '../services/scenarios';
import type { DocumentKind } from '../../shared/domain';
import { formatForFile, renderMinutesModel, renderReportModel, type DocumentModel, type DocumentOptions } from '../documents/index';
import { documentModelFor, settingsFor } from '../services/document-settings';
import { saveDocumentFile } from '../documents/save';
import { localIsoDate } from '../../shared/dates';
import { UsageError, type CliArgs } from './args';
import { summaryCommand } from './summary';
import { PACKAGE_EXTENSION } from '../package/model';
import { acceptNewKey, verifyPackage } from '../services/packages';
import { exportConference } from '../services/package-export';
import { importPackages, type ImportSummary, type PackageFile } from '../services/package-import';

/** Far above any real conference's package; the reader has its own, finer limits. */
const MAX_PACKAGE_FILE_BYTES = 200 * 1024 * 1024;

const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

export interface Output {
  out(line: string): void;
}

function call<T>(ctx: ServiceContext, method: string, input: unknown): T {
  const result = dispatch(ctx, method, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value as T;
}

/**
 * Work left once the database is closed: writing a document is slow and asynchronous, and
 * needs only the model read (synchronously, in one transaction) while the database was open.
 */
export type Finish = () => Promise<void>;

const DOCUMENT_COMMANDS = new Set(['minutes', 'report']);
/** Commands whose asynchronous part still reads or writes the database. */
export const PACKAGE_COMMANDS = new Set(['export', 'verify', 'import', 'accept-key']);

export function runCommand(ctx: ServiceContext, args: CliArgs, io: Output): void | Finish {
  const document = DOCUMENT_COMMANDS.has(args.command) || args.command === 'summary';
  if (!document && (args.number !== undefined || args.recipients !== undefined)) {
    throw new UsageError('--number và --recipient chỉ dùng với minutes, report và summary');
  }
  if (!document && args.command !== 'export' && args.out !== undefined) {
    throw new UsageError('--out chỉ dùng với minutes, report, summary và export');
  }
  if (args.command !== 'summary' && (args.from !== undefined || args.to !== undefined)) {
    throw new UsageError('--from và --to chỉ dùng với summary');
  }
  switch (args.command) {
    case 'list':
      return list(ctx, args, io);
    case 'show':
      return show(ctx, args, io);
    case 'load-scenario':
      return loadScenarioCommand(ctx, args, io);
    case 'minutes':
    case 'report':
      return documentCommand(ctx, args.command, args, io);
    case 'export':
      return exportCommand(ctx, args, io);
    case 'verify':
      return verifyCommand(ctx, args, io);
    case 'import':
      return importCommand(ctx, args, io);
    case 'accept-key':
      return acceptKeyCommand(ctx, args, io);
    case 'summary':
      return summaryCommand(ctx, args, io);
    default:
      throw new UsageError(`lệnh không rõ: ${args.command}`);
  }
}

function list(ctx: ServiceContext, args: CliArgs, io: Output): void {
  if (args.rest.length > 0) throw new UsageError('list không nhận tham số');
  const conferences = call<ConferenceSummary[]>(ctx, 'conferences.list', {});
  if (args.json) {
    io.out(
      JSON.stringify(
        conferences.map((c) => ({ id: c.id, title: c.title, date: c.date, kind: c.kind, status: c.status, unit: c.unitName, counts: c.counts })),
        null,
        2,
      ),
    );
    return;
  }
  if (conferences.length === 0) return io.out('Chưa có hội nghị nào.');
  for (const c of conferences) {
    io.out(`${c.id}  ${formatDateVn(c.date)}  ${CONFERENCE_KIND_LABELS[c.kind]}  ${c.counts.turns} lượt, ${c.counts.concernsTotal} nội dung  ${c.title}`);
  }
}

function conferenceNotFound(id: string): ApiError {
  return new ApiError('not_found', `Không tìm thấy hội nghị có mã "${id}".`);
}

function show(ctx: ServiceContext, args: CliArgs, io: Output): void {
  if (args.rest.length !== 1) throw new UsageError('show cần đúng một mã hội nghị');
  const id = args.rest[0]!;
  let detail: ConferenceDetail;
  try {
    detail = call<ConferenceDetail>(ctx, 'conferences.get', { id });
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'invalid_input')) throw conferenceNotFound(id);
    throw error;
  }
  if (args.json) {
    io.out(JSON.stringify({ ...detail.conference, unitName: detail.unitName, counts: detail.counts }, null, 2));
    return;
  }
  const { conference: c, counts } = detail;
  io.out(c.title);
  io.out(`Đơn vị: ${detail.unitName}`);
  io.out(`Ngày: ${formatDateVn(c.date)}, bắt đầu ${c.startTime}${c.endTime ? `, kết thúc ${c.endTime}` : ''}`);
  io.out(`Hình thức: ${CONFERENCE_KIND_LABELS[c.kind]} — ${CONFERENCE_STATUS_LABELS[c.status]}`);
  io.out(`${counts.turns} lượt ý kiến; ${counts.concernsTotal} nội dung (${counts.concernsRaisedInTurns} tại hội nghị, ${counts.concernsPrecollected} tổng hợp trước)`);
  for (const h of HANDLINGS) io.out(`  ${HANDLING_LABELS[h]}: ${counts.byHandling[h]}`);
  for (const [field, n] of Object.entries(counts.byField)) io.out(`  ${field}: ${n}`);
}

function loadScenarioCommand(ctx: ServiceContext, args: CliArgs, io: Output): void {
  if (args.rest.length !== 1) throw new UsageError('load-scenario cần đúng một tệp');
  const file = args.rest[0]!;
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new ApiError('invalid_input', `Không phải tệp: ${file}`);
    if (stat.size > MAX_SCENARIO_BYTES) throw new ApiError('invalid_input', `Tệp quá lớn: ${file}`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('invalid_input', `Không đọc được tệp: ${file}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_input', `Tệp không phải JSON hợp lệ: ${file}`);
  }
  const scenario = parseScenario(raw);
  const id = ctx.db.transaction(() => loadScenario(ctx, scenario))();
  if (args.json) io.out(JSON.stringify({ id }));
  else io.out(`Đã tạo hội nghị "${scenario.conference.title.normalize('NFC')}".`);
  io.out(id);
}

const KIND_NAMES: Record<DocumentKind, { what: string; formats: string }> = {
  minutes: { what: 'Biên bản', formats: '.docx hoặc .pdf' },
  report: { what: 'Báo cáo', formats: '.docx hoặc .xlsx' },
};

/** `minutes <id> --out FILE.docx|.pdf`, `report <id> --out FILE.docx|.xlsx`: the format follows the extension. */
function documentCommand(ctx: ServiceContext, kind: DocumentKind, args: CliArgs, io: Output): Finish {
  if (args.rest.length !== 1) throw new UsageError(`${kind} cần đúng một mã hội nghị`);
  if (!args.out) throw new UsageError(`${kind} cần --out <tệp>`);
  const id = args.rest[0]!;
  const out = args.out;
  const names = KIND_NAMES[kind];
  const format = formatForFile(kind, out);
  if (!format) {
    const ext = path.extname(out) || '(không có phần mở rộng)';
    throw new ApiError('invalid_input', `${names.what} không xuất được ra định dạng ${ext}: hãy dùng tệp ${names.formats}.`);
  }
  let model: DocumentModel;
  try {
    model = documentModelFor(ctx, id);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') throw conferenceNotFound(id);
    throw error;
  }
  const today = localIsoDate(ctx.now());
  const typed: DocumentOptions = { ...(args.number !== undefined ? { number: args.number } : {}), ...(args.recipients ? { recipients: args.recipients } : {}) };
  // What the documents screen saved (and, for a received conference, what its unit sent) applies here too.
  const options = settingsFor(ctx, model, id, kind, typed);
  return async () => {
    const data =
      kind === 'minutes'
        ? await renderMinutesModel(model, format as 'docx' | 'pdf', options, today)
        : await renderReportModel(model, format as 'docx' | 'xlsx', options, today);
    try {
      await saveDocumentFile(out, data);
    } catch {
      throw new ApiError('invalid_input', `Không ghi được tệp: ${out}`);
    }
    if (args.json) io.out(JSON.stringify({ file: path.resolve(out), format, bytes: data.length }));
    else io.out(`Đã ghi ${names.what.toLowerCase()} (${format.toUpperCase()}): ${out}`);
  };
}

/** `export <id> --out FILE.doithoai`: the signed package of one of this unit's conferences. */
function exportCommand(ctx: ServiceContext, args: CliArgs, io: Output): Finish {
  if (args.rest.length !== 1) throw new UsageError('export cần đúng một mã hội nghị');
  if (!args.out) throw new UsageError('export cần --out <tệp.doithoai>');
  const id = args.rest[0]!;
  const out = args.out;
  if (path.extname(out).toLowerCase() !== PACKAGE_EXTENSION) {
    throw new ApiError('invalid_input', `Gói gửi cấp trên phải là tệp ${PACKAGE_EXTENSION}: ${out}`);
  }
  return async () => {
    let built;
    try {
      built = await exportConference(ctx, id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') throw conferenceNotFound(id);
      throw error;
    }
    try {
      await saveDocumentFile(out, built.bytes);
    } catch {
      throw new ApiError('invalid_input', `Không ghi được tệp: ${out}`);
    }
    const revision = built.manifest.conference.revision;
    if (args.json) io.out(JSON.stringify({ file: path.resolve(out), conferenceId: id, revision, bytes: built.bytes.length }));
    else io.out(`Đã ghi gói gửi cấp trên (lần xuất ${revision}): ${out}`);
  };
}

/** Reads a package file from disk with a size cap; the reader checks everything else. */
function readPackageFile(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('invalid_input', `Không đọc được tệp: ${file}`);
  }
  if (!stat.isFile()) throw new ApiError('invalid_input', `Không phải tệp: ${file}`);
  if (stat.size > MAX_PACKAGE_FILE_BYTES) throw new ApiError('invalid_input', `Tệp quá lớn để là gói Đối Thoại: ${file}`);
  return fs.readFileSync(file);
}

const KEY_STATUS: Record<string, string> = {
  own: 'khóa của chính đơn vị này',
  new: 'gói đầu tiên của đơn vị: khóa sẽ được ghi nhận khi nhập',
  pinned: 'khớp khóa đã ghi nhận',
  changed: 'KHÁC khóa đã ghi nhận',
};

/** `verify <file>`: what the package is and what importing it would do; writes nothing. */
function verifyCommand(ctx: ServiceContext, args: CliArgs, io: Output): Finish {
  if (args.rest.length !== 1) throw new UsageError('verify cần đúng một tệp');
  const file = args.rest[0]!;
  return async () => {
    const report = await verifyPackage(ctx, readPackageFile(file));
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
  };
}

/**
 * `accept-key <file>`: the officer phoned the unit and heard the new fingerprint; the key the
 * package is signed with is pinned. Nothing is imported: that is the next `import`.
 */
function acceptKeyCommand(ctx: ServiceContext, args: CliArgs, io: Output): Finish {
  if (args.rest.length !== 1) throw new UsageError('accept-key cần đúng một tệp');
  const file = args.rest[0]!;
  return async () => {
    const accepted = await acceptNewKey(ctx, readPackageFile(file));
    if (args.json) io.out(JSON.stringify(accepted, null, 2));
    else {
      const previous = accepted.previous ? ` thay cho khóa ${accepted.previous}` : '';
      io.out(`Đã chấp nhận khóa ${accepted.fingerprint} của ${accepted.unitName}${previous}. Hãy nhập lại gói.`);
    }
  };
}

/** `import <file...>`: each file checked completely, then written in one transaction; the others go on after a refusal. */
function importCommand(ctx: ServiceContext, args: CliArgs, io: Output): Finish {
  if (args.rest.length === 0) throw new UsageError('import cần ít nhất một tệp');
  return async () => {
    const files: PackageFile[] = [];
    const unreadable = new Map<string, ImportSummary>();
    for (const file of args.rest) {
      try {
        files.push({ name: file, bytes: readPackageFile(file) });
      } catch (error) {
        unreadable.set(file, { file, outcome: 'refused', message: error instanceof ApiError ? error.message : `Không đọc được tệp: ${file}` });
      }
    }
    const imported = await importPackages(ctx, files);
    // In the order given on the command line, so each line can be matched to its file.
    const results = args.rest.map((file) => unreadable.get(file) ?? imported.shift()!);
    if (args.json) io.out(JSON.stringify(results, null, 2));
    else for (const r of results) io.out(`${r.file}: ${r.message.replace(/\s*\n\s*/g, ' ')}`);
    const refused = results.filter((r) => r.outcome === 'refused');
    if (refused.length > 0) throw new ApiError('refused', `${refused.length}/${results.length} tệp không nhập được.`);
  };
}
