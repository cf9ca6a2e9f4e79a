/**
 * The agency catalog can be corrected: rename, merge (every matter of one moves to the
 * other in the one request), delete (soft, refused while matters use it), restore.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dumpDatabase, makeTempDir, openTestBackend, unitAndConference, type TempDir, type TestBackend } from '../support/temp-db';

let tmp: TempDir;
let b: TestBackend;
let conferenceId: string;
let turnId: string;
beforeEach(() => {
  tmp = makeTempDir('doithoai-agencies-');
  b = openTestBackend(tmp);
  conferenceId = unitAndConference(b).id;
  turnId = b.call('turns.start', { conferenceId, speaker: { name: 'Lê Văn Tám' } }).turn.id;
});
afterEach(() => {
  b.close();
  tmp.cleanup();
});

const assign = (agencyName: string, text = 'Đường hỏng') =>
  b.call('concerns.add', { conferenceId, turnId, initial: { text, handling: 'assigned', agencyName } });
const refusal = (method: string, input: unknown) => {
  const before = dumpDatabase(b.dbPath);
  const result = b.raw(method, input);
  if (result.ok) throw new Error(`${method} was accepted`);
  expect(dumpDatabase(b.dbPath)).toEqual(before);
  return result.error;
};

it('lists the catalog with how many live matters use each agency', () => {
  assign('Phòng Kinh tế');
  assign('Phòng Kinh tế', 'Chợ xuống cấp');
  const deleted = assign('Phòng Kinh tế', 'Bỏ');
  b.call('concerns.delete', { id: deleted.id });
  assign('UBND xã');
  expect(b.call('agencies.catalog', {}).map((a) => [a.name, a.concerns])).toEqual([
    ['Phòng Kinh tế', 2],
    ['UBND xã', 1],
  ]);
});

it('renames an agency: every matter shows the new name, NFC and trimmed', () => {
  const concern = assign('Phong Kinh te');
  const renamed = b.call('agencies.rename', { id: concern.agencyId!, name: ' Phòng Kinh te\u0302\u0301 ' });
  expect(renamed.name).toBe('Phòng Kinh tế');
  const turn = b.call('conferences.get', { id: conferenceId }).turns[0]!;
  expect(turn.concerns[0]!.agencyName).toBe('Phòng Kinh tế');
  expect(b.call('agencies.list', { query: '' }).map((a) => a.name)).toEqual(['Phòng Kinh tế']);
});

it('refuses to rename onto another agency of the same name, and to an empty name', () => {
  const a = assign('Phòng Kinh tế');
  const c = assign('Phong kinh te xa', 'Chợ');
  expect(refusal('agencies.rename', { id: c.agencyId, name: 'phòng kinh tế' }).message).toContain('Gộp vào');
  expect(refusal('agencies.rename', { id: a.agencyId, name: '  ' }).code).toBe('invalid_input');
});

it('merges: all matters of one move to the other, which alone stays in the catalog', () => {
  const typo1 = assign('Phòng Kin tế', 'Chợ');
  const typo2 = assign('Phòng Kin tế', 'Đèn đường');
  const deletedMatter = assign('Phòng Kin tế', 'Bỏ');
  b.call('concerns.delete', { id: deletedMatter.id });
  const right = assign('Phòng Kinh tế', 'Cống');
  const before = b.call('conferences.get', { id: conferenceId }).conference.updatedAt;
  b.ctx.now = () => new Date(Date.now() + 60_000);

  const into = b.call('agencies.merge', { from: typo1.agencyId!, into: right.agencyId! });
  expect(into).toEqual({ id: right.agencyId, name: 'Phòng Kinh tế', concerns: 3 });
  const concerns = b.call('conferences.get', { id: conferenceId }).turns[0]!.concerns;
  expect(concerns.filter((k) => [typo1.id, typo2.id].includes(k.id)).map((k) => k.agencyName)).toEqual(['Phòng Kinh tế', 'Phòng Kinh tế']);
  expect(b.call('agencies.catalog', {}).map((a) => a.name)).toEqual(['Phòng Kinh tế']);
  // The deleted matter moved too: undoing its deletion shows the right name.
  expect(b.call('concerns.restore', { id: deletedMatter.id }).agencyName).toBe('Phòng Kinh tế');
  // The conference changed: its next export is a new revision.
  expect(b.call('conferences.get', { id: conferenceId }).conference.updatedAt > before).toBe(true);
});

it('refuses to merge an agency into itself or into one that is gone, and writes nothing', () => {
  const a = assign('Phòng Kinh tế');
  const c = assign('UBND xã', 'Chợ');
  expect(refusal('agencies.merge', { from: a.agencyId, into: a.agencyId }).message).toContain('hai cơ quan khác nhau');
  b.call('concerns.update', { id: c.id, patch: { agencyName: null } });
  b.call('agencies.delete', { id: c.agencyId! });
  expect(refusal('agencies.merge', { from: a.agencyId, into: c.agencyId }).code).toBe('not_found');
});

it('deletes an unused agency (soft, restorable) but refuses one still in use, saying how many', () => {
  const used = assign('Phòng Kinh tế');
  const unused = assign('UBDN xã', 'Chợ');
  b.call('concerns.update', { id: unused.id, patch: { agencyName: 'UBND xã' } });

  const error = refusal('agencies.delete', { id: used.agencyId });
  expect(error.code).toBe('refused');
  expect(error.message).toContain('còn 1 nội dung');

  b.call('agencies.delete', { id: unused.agencyId! });
  expect(b.call('agencies.catalog', {}).map((a) => a.name)).toEqual(['Phòng Kinh tế', 'UBND xã']);
  expect(b.call('agencies.restore', { id: unused.agencyId! }).name).toBe('UBDN xã');
  expect(b.call('agencies.catalog', {}).map((a) => a.name)).toEqual(['Phòng Kinh tế', 'UBDN xã', 'UBND xã']);
});

it('at the parent unit, merging leaves the matters of a received conference as the child unit sent them', async () => {
  const { exportBytes, loadFixture } = await import('../package/support');
  const child = openTestBackend(tmp, 'child.sqlite');
  try {
    const receivedId = loadFixture(child, 'xa-tan-lap-2026.json');
    const base64 = (await exportBytes(child, receivedId)).toString('base64');
    // This database is the parent: its own conference and the child's package share the catalog.
    const [imported] = await b.callAsync('packages.import', { files: [{ name: 'tan-lap.doithoai', base64 }] });
    expect(imported).toMatchObject({ outcome: 'imported' });
    const received = () => {
      const detail = b.call('conferences.get', { id: receivedId });
      return [...detail.precollected, ...detail.turns.flatMap((t) => t.concerns)].filter((k) => k.agencyId);
    };
    const before = received();
    expect(before.length).toBeGreaterThan(0);
    const theirs = before[0]!;

    const ours = assign('Phòng Kinh tế');
    const into = b.call('agencies.merge', { from: theirs.agencyId!, into: ours.agencyId! });
    // Only our own matters count and move; theirs keep the row they came with, and its name.
    expect(into.concerns).toBe(1);
    expect(received()).toEqual(before);
    expect(b.call('agencies.catalog', {}).map((a) => a.id)).not.toContain(theirs.agencyId);
  } finally {
    child.close();
  }
});
