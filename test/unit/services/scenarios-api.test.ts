/**
 * `scenarios.load` through the one door, as the command line calls it: a scenario file's
 * object in, the new conference's id out; a bad file is one Vietnamese line and writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, FIXTURE_FILES, makeTempDir, openTestBackend, readFixture, VIETNAMESE, type TempDir, type TestBackend } from '../support/temp-db';

describe('scenarios.load', () => {
  let tmp: TempDir;
  let b: TestBackend;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-scenario-api-');
    b = openTestBackend(tmp);
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  it.each(FIXTURE_FILES)('%s: answers the id; the counts are the file’s expected', (file) => {
    const scenario = readFixture(file);
    const { id } = b.call('scenarios.load', scenario);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.call('conferences.counts', { id })).toMatchObject(scenario.expected as object);
    expect(b.logged).toEqual([]);
  });

  it('refuses a bad file with one Vietnamese line naming the place, writing nothing', () => {
    const good = readFixture(FIXTURE_FILES[0]!);
    const before = dumpDatabase(b.dbPath);
    const bad: Array<[unknown, RegExp]> = [
      [{ ...good, conference: { ...(good.conference as object), date: '2026-02-31' } }, /"conference\.date"/],
      [{ ...good, unit: { ...(good.unit as object), documentStyle: 'ubnd' } }, /"unit\.documentStyle"/],
      [{ ...good, precollected: [{ field: 'Lĩnh vực', text: 'Rác thải 😡', handling: 'noted' }] }, /"precollected\.0\.text"/],
      [{ ...good, precollected: [{ field: 'Lĩnh vực không tồn tại', text: 'x', handling: 'noted' }] }, /Lĩnh vực không tồn tại/],
      // Refused only after the conference and its first rows were written: the transaction takes them back.
      [{ ...good, turns: [{ speaker: { name: 'Người lạ', registered: true }, concerns: [] }] }, /Người lạ/],
      ['không phải đối tượng', /Tệp kịch bản không hợp lệ/],
      [null, /Tệp kịch bản không hợp lệ/],
    ];
    for (const [input, place] of bad) {
      const result = b.raw('scenarios.load', input);
      const what = JSON.stringify(input).slice(0, 80);
      expect(result.ok, what).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, what).toBe('invalid_input');
      expect(result.error.message, what).toMatch(VIETNAMESE);
      expect(result.error.message, what).toMatch(place);
      expect(result.error.message, what).not.toContain('\n');
    }
    expect(dumpDatabase(b.dbPath)).toEqual(before);
    expect(b.logged).toEqual([]);
  });
});
