/**
 * The whole loop of issue 10 on the command line, with the phường Hòa Bình sample: the unit
 * records an outcome and sends its package up; the parent answers the matter forwarded to it
 * (set-status on that matter) and writes a response file (respond-export); the unit imports
 * it and its counts move to 10 resolved, 0 in progress, 5 open, 3 overdue.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { dumpDatabase } from '../support/temp-db';
import { cli } from './support';

const SAMPLE = path.resolve(__dirname, '../../../resources/demo/phuong-hoa-binh-2026.json');

let dir: string;
let unitDb: string;
let parentDb: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-responses-'));
  unitDb = path.join(dir, 'unit.sqlite');
  parentDb = path.join(dir, 'parent.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ok(...argv: string[]): Promise<string[]> {
  const run = await cli(...argv);
  expect(run.code, `${argv.join(' ')}\n${run.err.join('\n')}`).toBe(0);
  return run.out;
}

interface Listed {
  id: string;
  conferenceId: string;
  unitId: string;
  text: string;
  handling: string;
}

it('the parent answers a forwarded matter, and the unit imports the response file', async () => {
  const conferenceId = (await ok('--db', unitDb, 'load-scenario', SAMPLE)).at(-1)!;
  const matters = JSON.parse((await ok('--db', unitDb, '--json', 'followup')).join('\n')) as Listed[];
  const drainage = matters.find((m) => m.text.includes('thoát nước'))!;
  await ok('--db', unitDb, 'set-status', drainage.id, '--status', 'resolved', '--date', '20/10/2026');
  const pkg = path.join(dir, 'hoa-binh.doithoai');
  await ok('--db', unitDb, 'export', conferenceId, '--out', pkg);

  // The parent (its own unit set up in the app) imports the package; it answers only what was forwarded to it.
  const parent = openBackend({ dbPath: parentDb, host: 'test' });
  expect(parent.dispatch('unit.save', { name: 'Thành phố Hải An', level: 'thành phố', parentName: '' })).toMatchObject({ ok: true });
  parent.close();
  await ok('--db', parentDb, 'import', pkg);
  const received = JSON.parse((await ok('--db', parentDb, '--json', 'followup')).join('\n')) as Listed[];
  const leLoi = received.find((m) => m.text.includes('Lê Lợi'))!;
  expect(leLoi.handling).toBe('forwarded');
  const assigned = received.find((m) => m.handling === 'assigned')!;
  const refused = await cli('--db', parentDb, 'set-status', assigned.id, '--status', 'resolved', '--date', '25/10/2026');
  expect(refused.code).toBe(1);
  expect(refused.err.join('\n')).toMatch(/^Lỗi: .*đơn vị tự ghi kết quả giải quyết/);
  await ok('--db', parentDb, 'set-status', leLoi.id, '--status', 'resolved', '--date', '25/10/2026', '--note', 'Đã bố trí vốn giải phóng mặt bằng', '--by', 'UBND thành phố', '--ref', 'Công văn số 125/UBND-KT');
  const response = path.join(dir, 'tra-loi.doithoai');
  const written = await ok('--db', parentDb, 'respond-export', '--unit', leLoi.unitId, '--out', response);
  expect(written.join('\n')).toMatch(/Đã ghi tệp trả lời \(1 nội dung\)/);

  // The unit imports it: the matter is resolved on the parent's date, with its reference.
  const imported = await ok('--db', unitDb, 'import', response);
  expect(imported.join('\n')).toMatch(/Đã nhập trả lời của .*1 nội dung/);
  const shown = JSON.parse((await ok('--db', unitDb, 'show', conferenceId, '--json', '--as-of', '01/11/2026')).join('\n')) as { counts: Record<string, number> };
  expect(shown.counts).toMatchObject({ resolved: 10, inProgress: 0, open: 5, overdue: 3 });

  // Twice: nothing changes but the log.
  const before = dumpDatabase(unitDb);
  expect((await ok('--db', unitDb, 'import', response)).join('\n')).toMatch(/đã nhập trước đó/);
  const after = dumpDatabase(unitDb);
  expect({ ...after, response_imports: [] }).toEqual({ ...before, response_imports: [] });
});

it('respond-export says what is missing in one Vietnamese line', async () => {
  const noUnit = await cli('--db', parentDb, 'respond-export', '--out', path.join(dir, 'x.doithoai'));
  expect(noUnit.code).toBe(2);
  expect(noUnit.err[0]).toMatch(/respond-export cần --unit/);
  const wrongExtension = await cli('--db', parentDb, 'respond-export', '--unit', 'u1', '--out', path.join(dir, 'x.zip'));
  expect(wrongExtension.code).toBe(1);
  expect(wrongExtension.err).toEqual([expect.stringMatching(/^Lỗi: Tệp trả lời phải là tệp \.doithoai/)]);
  const unknown = await cli('--db', parentDb, 'respond-export', '--unit', 'u1', '--out', path.join(dir, 'x.doithoai'));
  expect(unknown.code).toBe(1);
  expect(unknown.err).toEqual([expect.stringMatching(/^Lỗi: /)]);
  expect(fs.existsSync(path.join(dir, 'x.doithoai'))).toBe(false);
});
