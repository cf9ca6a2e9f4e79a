/**
 * `summary --from DATE --to DATE --out FILE.docx|.xlsx` writes the parent unit's aggregate
 * report over the period; `summary --from DATE --to DATE --json` prints its figures (the
 * Overview, as the app's overview screen shows it). Dates as the officer types them,
 * dd/mm/yyyy, or yyyy-mm-dd; both ends are included.
 */
import { ApiError } from '../../shared/api/errors';
import { formatDateVn } from '../../shared/dates';
import type { Backend } from '../backend';
import { ask, askLater } from './api';
import { UsageError, type CliArgs } from './args';
import { parseCliDate } from './dates';
import { typedSettings } from './document-commands';
import { extensionForMessage, formatOfFile, writeFileWhole } from './files';
import type { Output } from './output';

const SUMMARY_FORMATS = ['docx', 'xlsx'] as const;

function invalid(message: string): ApiError {
  return new ApiError('invalid_input', message);
}

/** "16/9/2026", "16/09/2026" or "2026-09-16" → "2026-09-16". */
export function cliDate(value: string | undefined, option: '--from' | '--to'): string {
  const what = option === '--from' ? 'ngày bắt đầu' : 'ngày kết thúc';
  if (value === undefined || value.trim() === '') throw invalid(`summary cần ${option} <${what}>, dạng dd/mm/yyyy (ví dụ 01/01/2026).`);
  const text = value.trim();
  const iso = parseCliDate(text);
  if (!iso) throw invalid(`${upper(what)} không hợp lệ: "${text}" (${option}); hãy viết dạng dd/mm/yyyy, ví dụ 01/01/2026.`);
  return iso;
}

const upper = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

export function summaryCommand(backend: Backend, args: CliArgs, io: Output): void | Promise<void> {
  if (args.rest.length > 0) throw new UsageError('summary không nhận tham số, chỉ --from, --to và --out hoặc --json');
  const from = cliDate(args.from, '--from');
  const to = cliDate(args.to, '--to');
  if (from > to) throw invalid(`Ngày bắt đầu (${formatDateVn(from)}) ở sau ngày kết thúc (${formatDateVn(to)}).`);
  if (args.out !== undefined && args.json) throw invalid('summary dùng --out <tệp> hoặc --json, không dùng cả hai.');
  if (args.out === undefined && !args.json) throw invalid('summary cần --out <tệp.docx|tệp.xlsx> hoặc --json.');
  const out = args.out;
  const format = out === undefined ? null : formatOfFile(out, SUMMARY_FORMATS);
  if (out !== undefined && !format) {
    throw invalid(`Báo cáo tổng hợp không xuất được ra định dạng ${extensionForMessage(out)}: hãy dùng tệp .docx hoặc .xlsx.`);
  }

  const overview = ask(backend, 'overview.get', { from, to });
  if (out === undefined || !format) {
    io.out(JSON.stringify(overview, null, 2));
    return;
  }
  return (async () => {
    const file = await askLater(backend, 'overview.render', { from, to, format, settings: typedSettings(args) });
    await writeFileWhole(out, Buffer.from(file.base64, 'base64'));
    io.out(`Đã ghi báo cáo tổng hợp (${format.toUpperCase()}, ${overview.completeness.label}): ${out}`);
  })();
}
