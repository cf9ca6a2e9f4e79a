/**
 * The follow-up commands (issue 10) as checks use them: `show --as-of`, `followup`,
 * `set-status`, with the phường Hòa Bình sample's numbers, and every bad input answered
 * with one Vietnamese line (exit 1) or the usage (exit 2), nothing written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase } from '../support/temp-db';
import { cli } from './support';

const SAMPLE = path.resolve(__dirname, '../../../resources/demo/phuong-hoa-binh-2026.json');
const OUTCOME_KEYS = ['resolved', 'inProgress', 'open', 'overdue'] as const;

let dir: string;
let db: string;
let conferenceId: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-followup-'));
  db = path.join(dir, 'cli.sqlite');
  const loaded = await cli('--db', db, 'load-scenario', SAMPLE);
  expect(loaded.code).toBe(0);
  conferenceId = loaded.out.at(-1)!;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function outcomesOn(asOf: string): Promise<Record<string, number>> {
  const shown = await cli('--db', db, 'show', conferenceId, '--json', '--as-of', asOf);
  expect(shown.code, shown.err.join('\n')).toBe(0);
  const counts = (JSON.parse(shown.out.join('\n')) as { counts: Record<string, number> }).counts;
  return Object.fromEntries(OUTCOME_KEYS.map((k) => [k, counts[k]!]));
}

interface Listed {
  id: string;
  conferenceId: string;
  unitId: string;
  text: string;
  handling: string;
  status: string;
  deadline: string | null;
  agency: string | null;
  overdue: boolean;
}
async function followup(...options: string[]): Promise<Listed[]> {
  const run = await cli('--db', db, '--json', 'followup', ...options);
  expect(run.code, run.err.join('\n')).toBe(0);
  return JSON.parse(run.out.join('\n')) as Listed[];
}

describe('done-when numbers of the Hòa Bình sample', () => {
  it('show --as-of 01/11/2026 gives 8, 0, 7, 4; set-status on the drainage matter (resolved, 20/10/2026) gives 9, 0, 6, 3', async () => {
    expect(await outcomesOn('01/11/2026')).toEqual({ resolved: 8, inProgress: 0, open: 7, overdue: 4 });
    const drainage = (await followup()).find((m) => m.text.includes('thoát nước'))!;
    const set = await cli('--db', db, 'set-status', drainage.id, '--status', 'resolved', '--date', '20/10/2026', '--note', 'Đã nạo vét xong', '--by', 'Phòng Kinh tế, Hạ tầng và Đô thị', '--ref', 'Công văn số 125/UBND-KT');
    expect(set.code, set.err.join('\n')).toBe(0);
    expect(set.out).toHaveLength(1);
    expect(set.out[0]).toMatch(/^Đã ghi: nội dung số 1 .*Đã giải quyết từ 20\/10\/2026/);
    expect(await outcomesOn('01/11/2026')).toEqual({ resolved: 9, inProgress: 0, open: 6, overdue: 3 });
    // yyyy-mm-dd is read too.
    expect(await outcomesOn('2026-11-01')).toEqual({ resolved: 9, inProgress: 0, open: 6, overdue: 3 });

    const text = await cli('--db', db, 'show', conferenceId, '--as-of', '01/11/2026');
    expect(text.out.at(-1)).toBe('Kết quả giải quyết (đến 01/11/2026): đã giải quyết 9, đang giải quyết 0, chưa giải quyết 6, quá hạn 3');
  });
});

describe('followup', () => {
  it('--json lists every matter with id, conferenceId, unitId, text, handling, status, deadline and agency by name', async () => {
    const all = await followup('--as-of', '01/11/2026');
    expect(all).toHaveLength(15);
    for (const m of all) expect(Object.keys(m)).toEqual(expect.arrayContaining(['id', 'conferenceId', 'unitId', 'text', 'handling', 'status', 'deadline', 'agency']));
    expect(all.every((m) => m.conferenceId === conferenceId)).toBe(true);
    expect(all.find((m) => m.text.includes('thoát nước'))).toMatchObject({ handling: 'assigned', status: 'open', deadline: '2026-10-31', agency: 'Phòng Kinh tế, Hạ tầng và Đô thị' });
    // Overdue first.
    expect(all.slice(0, 4).every((m) => m.overdue)).toBe(true);
  });

  it('filters by --status (repeatable) and --overdue as of the date', async () => {
    expect(await followup('--status', 'resolved', '--as-of', '01/11/2026')).toHaveLength(8);
    expect(await followup('--status', 'open', '--status', 'inProgress')).toHaveLength(7);
    const overdue = await followup('--overdue', '--as-of', '01/11/2026');
    expect(overdue.map((m) => m.deadline)).toEqual(['2026-09-30', '2026-10-10', '2026-10-15', '2026-10-31']);
    expect(await followup('--overdue', '--as-of', '30/09/2026')).toEqual([]);
  });

  it('text mode prints one line per matter, starting with its id', async () => {
    const run = await cli('--db', db, 'followup', '--overdue', '--as-of', '01/11/2026');
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(4);
    expect(run.out[0]).toMatch(/^[0-9a-f-]{36} {2}Phường Hòa Bình, hội nghị 16\/09\/2026, số 12 {2}Chưa giải quyết \(quá hạn\) {2}hạn 30\/09\/2026/);
    const none = await cli('--db', db, 'followup', '--overdue', '--as-of', '01/09/2026');
    expect(none.out).toEqual(['Không có nội dung nào.']);
  });
});

describe('bad input and wrong usage', () => {
  it('bad input: one Vietnamese line, exit 1, nothing written', async () => {
    const drainage = (await followup()).find((m) => m.text.includes('thoát nước'))!;
    const before = dumpDatabase(db);
    const cases: Array<[string[], RegExp]> = [
      [['set-status', drainage.id, '--status', 'resolved', '--date', '32/10/2026'], /Ngày cập nhật không hợp lệ: "32\/10\/2026" \(--date\)/],
      [['set-status', drainage.id, '--status', 'resolved', '--date', 'hôm qua'], /Ngày cập nhật không hợp lệ/],
      [['set-status', drainage.id, '--status', 'resolved', '--date', '01/01/2999'], /ở sau hôm nay/],
      [['set-status', drainage.id, '--status', 'resolved', '--date', '15/09/2026'], /ở trước ngày hội nghị \(16\/09\/2026\)/],
      [['set-status', drainage.id, '--status', 'done', '--date', '20/10/2026'], /Kết quả giải quyết không hợp lệ: "done"/],
      [['set-status', '6b55a028-168f-48bc-b4d9-b63b5dd04dc3', '--status', 'resolved', '--date', '20/10/2026'], /Không tìm thấy nội dung có mã "6b55a028/],
      [['set-status', 'không-phải-mã', '--status', 'resolved', '--date', '20/10/2026'], /Không tìm thấy nội dung có mã "không-phải-mã"/],
      [['set-status', drainage.id, '--status', 'resolved', '--date', '20/10/2026', '--ref', 'CV 😀'], /biểu tượng|emoji/i],
      [['followup', '--as-of', '2026-02-30'], /không hợp lệ: "2026-02-30" \(--as-of\)/],
      [['followup', '--status', 'closed'], /Kết quả giải quyết không hợp lệ/],
      [['show', conferenceId, '--as-of', '1/13/2026'], /không hợp lệ: "1\/13\/2026" \(--as-of\)/],
    ];
    for (const [args, message] of cases) {
      const run = await cli('--db', db, ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.err, args.join(' ')).toHaveLength(1);
      expect(run.err[0], args.join(' ')).toMatch(/^Lỗi: /);
      expect(run.err[0], args.join(' ')).toMatch(message);
      expect(run.out).toEqual([]);
    }
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('wrong usage: exit 2 with the usage, which names the follow-up commands', async () => {
    const id = (await followup())[0]!.id;
    for (const args of [
      ['set-status', '--status', 'resolved', '--date', '20/10/2026'],
      ['set-status', id, '--date', '20/10/2026'],
      ['set-status', id, '--status', 'resolved'],
      ['set-status', id, '--status', 'resolved', '--status', 'open', '--date', '20/10/2026'],
      ['followup', 'extra'],
      ['show', conferenceId, '--overdue'],
      ['list', '--as-of', '01/11/2026'],
      ['followup', '--date', '01/11/2026'],
      ['show', conferenceId, '--status', 'open'],
      ['followup', '--overdue=yes'],
    ]) {
      const run = await cli('--db', db, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err.join('\n')).toMatch(/^Sai cách dùng: /);
      expect(run.err.join('\n')).toContain('set-status <mã nội dung> --status open|inProgress|resolved --date <ngày>');
    }
  });
});
