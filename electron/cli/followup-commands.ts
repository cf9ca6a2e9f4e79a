/**
 * Follow-up until resolved (issue 10): `followup` lists the matters with their outcome as of
 * a date, `set-status` adds one dated entry to a matter's history. Both go through the same
 * API as the Theo dõi screen; this file parses the options and words the answer.
 */
import { ApiError } from '../../shared/api/errors';
import { FOLLOWUP_LIMIT } from '../../shared/api/schemas';
import type { FollowupItem } from '../../shared/api/types';
import { formatDateVn, localIsoDate } from '../../shared/dates';
import { CONCERN_STATUS_LABELS, CONCERN_STATUSES, HANDLING_LABELS, type ConcernStatus } from '../../shared/domain';
import type { Backend } from '../backend';
import { ask } from './api';
import { UsageError, type CliArgs } from './args';
import { requireCliDate } from './dates';
import type { Output } from './output';

/** A line of text shows this much of a matter; --json carries it whole. */
const TEXT_IN_LINE = 90;

function statusOf(value: string): ConcernStatus {
  const status = CONCERN_STATUSES.find((s) => s === value.trim());
  if (!status) throw new ApiError('invalid_input', `Kết quả giải quyết không hợp lệ: "${value}" (--status); hãy dùng open, inProgress hoặc resolved.`);
  return status;
}

const short = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > TEXT_IN_LINE ? `${line.slice(0, TEXT_IN_LINE - 1)}…` : line;
};

/** The matter as --json prints it: the API's item, with `agency` the agency's name. */
const asJson = (item: FollowupItem) => ({ ...item, agency: item.agencyName });

function line(item: FollowupItem): string {
  const outcome = `${CONCERN_STATUS_LABELS[item.status]}${item.overdue ? ' (quá hạn)' : ''}`;
  const deadline = item.deadline ? `hạn ${formatDateVn(item.deadline)}` : 'không có hạn';
  const handling = item.handling ? HANDLING_LABELS[item.handling] : 'chưa phân loại';
  const agency = item.agencyName ? `, ${item.agencyName}` : '';
  return `${item.id}  ${item.unitName}, hội nghị ${formatDateVn(item.conferenceDate)}, số ${item.number}  ${outcome}  ${deadline}  ${handling}${agency}  ${short(item.text)}`;
}

/** `followup [--status S]… [--overdue] [--as-of DATE] [--json]`. */
export function followupCommand(backend: Backend, args: CliArgs, io: Output): void {
  if (args.rest.length > 0) throw new UsageError('followup không nhận tham số, chỉ --status, --overdue, --as-of và --json');
  const asOf = args.asOf === undefined ? undefined : requireCliDate(args.asOf, '--as-of', 'ngày tính kết quả');
  const status = args.status?.map(statusOf);
  const items = ask(backend, 'followup.list', {
    ...(status ? { status } : {}),
    ...(args.overdue ? { overdue: true } : {}),
    ...(asOf ? { asOf } : {}),
    limit: FOLLOWUP_LIMIT.max,
  });
  if (args.json) {
    io.out(JSON.stringify(items.map(asJson), null, 2));
    return;
  }
  if (items.length === 0) return io.out('Không có nội dung nào.');
  for (const item of items) io.out(line(item));
  if (items.length === FOLLOWUP_LIMIT.max) io.out(`Chỉ hiện ${FOLLOWUP_LIMIT.max} nội dung đầu; hãy lọc thêm (--status, --overdue) để xem các nội dung khác.`);
}

/** `set-status <concernId> --status S --date DATE [--note TEXT] [--by AGENCY] [--ref TEXT]`. */
export function setStatusCommand(backend: Backend, args: CliArgs, io: Output): void {
  if (args.rest.length !== 1) throw new UsageError('set-status cần đúng một mã nội dung');
  if (!args.status || args.status.length !== 1) throw new UsageError('set-status cần đúng một --status open|inProgress|resolved');
  if (args.date === undefined) throw new UsageError('set-status cần --date <ngày>, dạng dd/mm/yyyy');
  const concernId = args.rest[0]!.trim();
  const status = statusOf(args.status[0]!);
  const date = requireCliDate(args.date, '--date', 'ngày cập nhật');
  const [item] = ask(
    backend,
    'concerns.setStatus',
    {
      concernIds: [concernId],
      status,
      date,
      ...(args.note !== undefined ? { note: args.note } : {}),
      ...(args.by !== undefined ? { reportedBy: args.by } : {}),
      ...(args.ref !== undefined ? { reference: args.ref } : {}),
    },
    { concernId },
  );
  if (args.json) {
    io.out(JSON.stringify(asJson(item!), null, 2));
    return;
  }
  const today = localIsoDate(new Date());
  io.out(
    `Đã ghi: nội dung số ${item!.number} (${item!.unitName}, hội nghị ${formatDateVn(item!.conferenceDate)}) — ` +
      `${CONCERN_STATUS_LABELS[status]} từ ${formatDateVn(date)}; đến hôm nay (${formatDateVn(today)}): ${CONCERN_STATUS_LABELS[item!.status]}.`,
  );
}
