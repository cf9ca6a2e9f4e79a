/** Parses `cli [--db PATH] [--json] <command> [args]`; usage errors are exit 2. */
import { parseArgs } from 'node:util';

export interface CliArgs {
  db: string | undefined;
  json: boolean;
  command: string;
  rest: string[];
  /** `--out FILE` of minutes, report and export. */
  out?: string | undefined;
  /** `--number N`: the document number (minutes, report). */
  number?: string | undefined;
  /** `--recipient LINE`, repeatable: the "Nơi nhận" list instead of the default one. */
  recipients?: string[] | undefined;
  /** `--from DATE`, `--to DATE` of summary: the period, as typed (dd/mm/yyyy or yyyy-mm-dd). */
  from?: string | undefined;
  to?: string | undefined;
  // Follow-up (issue 10).
  /** `--as-of DATE` of show and followup: outcomes as of that date (today when left out). */
  asOf?: string | undefined;
  /** `--status open|inProgress|resolved`: followup's filter (repeatable), set-status's new outcome. */
  status?: string[] | undefined;
  /** `--overdue` of followup: only the matters past their deadline. */
  overdue?: boolean | undefined;
  /** set-status: `--date DATE` the outcome took effect, `--note TEXT`, `--by AGENCY` who reported it, `--ref TEXT` the written answer. */
  date?: string | undefined;
  note?: string | undefined;
  by?: string | undefined;
  ref?: string | undefined;
  /** `--unit ID` of respond-export: the unit below the response file is for. */
  unit?: string | undefined;
}

export class UsageError extends Error {}

export const USAGE = `Cách dùng: npm run cli -- [--db ĐƯỜNG_DẪN] [--json] <lệnh>
Lệnh:
  list                       danh sách hội nghị
  show <mã>                  một hội nghị và các số liệu
  load-scenario <tệp.json>   tạo hội nghị từ tệp kịch bản
  minutes <mã> --out <tệp.docx|tệp.pdf>   xuất biên bản hội nghị
  report <mã> --out <tệp.docx|tệp.xlsx>   xuất báo cáo kết quả (Biểu 01, Biểu 02)
  notice <mã> --out <tệp.docx|tệp.pdf>    xuất thông báo kết luận hội nghị
  export <mã> --out <tệp.doithoai>        xuất gói gửi cấp trên (đã ký)
  verify <tệp.doithoai>                   kiểm tra một gói, không ghi gì
  import <tệp.doithoai>...                nhập các gói của đơn vị cấp dưới
  accept-key <tệp.doithoai>               chấp nhận khóa mới của đơn vị (sau khi gọi điện xác nhận)
  summary --from <ngày> --to <ngày> --out <tệp.docx|tệp.xlsx>
                             báo cáo tổng hợp các đơn vị cấp dưới trong kỳ (ngày dd/mm/yyyy)
  summary --from <ngày> --to <ngày> --json   số liệu tổng hợp dạng JSON
  show <mã> --as-of <ngày>   số liệu, kết quả giải quyết tính đến ngày đó (mặc định hôm nay)
  followup [--status open|inProgress|resolved] [--overdue] [--as-of <ngày>]
                             các nội dung cần theo dõi, mỗi dòng một nội dung
  set-status <mã nội dung> --status open|inProgress|resolved --date <ngày>
             [--note <kết quả>] [--by <cơ quan báo cáo>] [--ref <số văn bản trả lời>]
                             ghi kết quả giải quyết một nội dung vào lịch sử của nó
                             (ở cấp trên, với nội dung đơn vị kiến nghị lên: câu trả lời của cấp trên)
  respond-export --unit <mã đơn vị> --out <tệp.doithoai>
                             tệp trả lời các kiến nghị của một đơn vị cấp dưới (nhập ở đơn vị bằng import)
Tùy chọn của minutes, report, notice và summary:
  --number <số>              số văn bản, ví dụ 12
  --recipient <dòng>         một dòng "Nơi nhận" (lặp lại cho mỗi dòng)`;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
        out: { type: 'string', short: 'o' },
        number: { type: 'string' },
        recipient: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        'as-of': { type: 'string' },
        status: { type: 'string', multiple: true },
        overdue: { type: 'boolean' },
        date: { type: 'string' },
        note: { type: 'string' },
        by: { type: 'string' },
        ref: { type: 'string' },
        unit: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) throw new UsageError('thiếu lệnh');
  return {
    db: parsed.values.db,
    json: parsed.values.json ?? false,
    command,
    rest,
    out: parsed.values.out,
    number: parsed.values.number,
    recipients: parsed.values.recipient,
    from: parsed.values.from,
    to: parsed.values.to,
    asOf: parsed.values['as-of'],
    status: parsed.values.status,
    overdue: parsed.values.overdue,
    date: parsed.values.date,
    note: parsed.values.note,
    by: parsed.values.by,
    ref: parsed.values.ref,
    unit: parsed.values.unit,
  };
}
