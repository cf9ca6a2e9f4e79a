/**
 * `minutes <id> --out FILE.docx|.pdf`, `report <id> --out FILE.docx|.xlsx`, `notice <id> --out
 * FILE.docx|.pdf` (the conclusion notice): the format follows the extension. The document is laid out by the backend exactly as the documents
 * screen lays it out; the command line only writes the answer to the file.
 */
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { DOCUMENT_FORMATS, type DocumentKind } from '../../shared/domain';
import type { Backend } from '../backend';
import { askLater } from './api';
import { UsageError, type CliArgs } from './args';
import { extensionForMessage, formatOfFile, writeFileWhole } from './files';
import type { Output } from './output';

const KIND_NAMES: Record<DocumentKind, { what: string; formats: string }> = {
  minutes: { what: 'Biên bản', formats: '.docx hoặc .pdf' },
  report: { what: 'Báo cáo', formats: '.docx hoặc .xlsx' },
  notice: { what: 'Thông báo kết luận', formats: '.docx hoặc .pdf' },
};

/** `--number` and `--recipient` as typed: the request's settings (over what was saved, over the defaults). */
export function typedSettings(args: CliArgs): { number?: string; recipients?: string[] } {
  return { ...(args.number !== undefined ? { number: args.number } : {}), ...(args.recipients ? { recipients: args.recipients } : {}) };
}

export function documentCommand(kind: DocumentKind): (backend: Backend, args: CliArgs, io: Output) => Promise<void> {
  return (backend, args, io) => {
    if (args.rest.length !== 1) throw new UsageError(`${kind} cần đúng một mã hội nghị`);
    if (!args.out) throw new UsageError(`${kind} cần --out <tệp>`);
    const id = args.rest[0]!;
    const out = args.out;
    const names = KIND_NAMES[kind];
    const format = formatOfFile(out, DOCUMENT_FORMATS[kind]);
    if (!format) {
      throw new ApiError('invalid_input', `${names.what} không xuất được ra định dạng ${extensionForMessage(out)}: hãy dùng tệp ${names.formats}.`);
    }
    return (async () => {
      // A received conference prints what its unit sent: the service ignores typed settings there.
      const file = await askLater(backend, 'documents.render', { conferenceId: id, kind, format, settings: typedSettings(args) }, { conferenceId: id });
      const data = Buffer.from(file.base64, 'base64');
      await writeFileWhole(out, data);
      if (args.json) io.out(JSON.stringify({ file: path.resolve(out), format, bytes: data.length }));
      else io.out(`Đã ghi ${names.what.toLowerCase()} (${format.toUpperCase()}): ${out}`);
    })();
  };
}
