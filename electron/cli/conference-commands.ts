/** `list`, `show <id>` and `load-scenario <file>`: the conferences of this database, answered at once. */
import { CONFERENCE_KIND_LABELS, CONFERENCE_STATUS_LABELS, HANDLING_LABELS, HANDLINGS } from '../../shared/domain';
import { formatDateVn, localIsoDate } from '../../shared/dates';
import type { Backend } from '../backend';
import { ask } from './api';
import { UsageError, type CliArgs } from './args';
import { requireCliDate } from './dates';
import { readScenarioFile } from './files';
import type { Output } from './output';

export function listCommand(backend: Backend, args: CliArgs, io: Output): void {
  if (args.rest.length > 0) throw new UsageError('list không nhận tham số');
  const conferences = ask(backend, 'conferences.list', {});
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

export function showCommand(backend: Backend, args: CliArgs, io: Output): void {
  if (args.rest.length !== 1) throw new UsageError('show cần đúng một mã hội nghị');
  const id = args.rest[0]!;
  // The outcomes as of the date asked, or today: the text names the date either way.
  const asOf = args.asOf === undefined ? localIsoDate(new Date()) : requireCliDate(args.asOf, '--as-of', 'ngày tính kết quả');
  const detail = ask(backend, 'conferences.get', { id, asOf }, { conferenceId: id });
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
  io.out(
    `Kết quả giải quyết (đến ${formatDateVn(asOf)}): đã giải quyết ${counts.resolved}, đang giải quyết ${counts.inProgress}, ` +
      `chưa giải quyết ${counts.open}, quá hạn ${counts.overdue}`,
  );
}

/** The file is read here; the backend checks it against the scenario format and loads it in one transaction. */
export function loadScenarioCommand(backend: Backend, args: CliArgs, io: Output): void {
  if (args.rest.length !== 1) throw new UsageError('load-scenario cần đúng một tệp');
  const { id } = ask(backend, 'scenarios.load', readScenarioFile(args.rest[0]!));
  if (args.json) io.out(JSON.stringify({ id }));
  else io.out(`Đã tạo hội nghị "${ask(backend, 'conferences.get', { id }).conference.title}".`);
  io.out(id);
}
