import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { loadScenario, parseScenario } from '../../../electron/services/scenarios';
import {
  dumpDatabase,
  FIXTURE_FILES,
  makeTempDir,
  openTestBackend,
  readFixture,
  VIETNAMESE,
  type TempDir,
  type TestBackend,
} from '../support/temp-db';

interface FixtureUnit {
  name: string;
  level: string;
  parent: string;
}

describe('scenarios', () => {
  let tmp: TempDir;
  let b: TestBackend;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-scenario-');
    b = openTestBackend(tmp);
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  /** As the CLI and the demo do: parse, then load in one transaction. */
  const load = (raw: unknown) => b.ctx.db.transaction(() => loadScenario(b.ctx, parseScenario(raw)))();

  it('the fixtures are there', () => {
    expect(FIXTURE_FILES.length).toBeGreaterThanOrEqual(2);
  });

  it.each(FIXTURE_FILES)('%s: counts equal the file’s expected', (file) => {
    const scenario = readFixture(file);
    const id = load(scenario);
    expect(b.call('conferences.counts', { id })).toMatchObject(scenario.expected as object);
    expect(b.call('conferences.get', { id }).counts).toMatchObject(scenario.expected as object);
  });

  it('all fixtures loaded into one database keep their own counts', () => {
    const ids = FIXTURE_FILES.map((file) => [file, load(readFixture(file))] as const);
    for (const [file, id] of ids) expect(b.call('conferences.counts', { id }), file).toMatchObject(readFixture(file).expected as object);
    expect(b.call('conferences.list', {})).toHaveLength(FIXTURE_FILES.length);
  });

  it.each(FIXTURE_FILES)('%s: into a database with no unit, the scenario’s unit becomes the own unit', (file) => {
    const scenario = readFixture(file);
    const unit = scenario.unit as FixtureUnit;
    expect(b.call('unit.get', {})).toBeNull();
    const id = load(scenario);
    const own = b.call('unit.get', {});
    expect(own).toMatchObject({ name: unit.name.normalize('NFC'), level: unit.level, parentName: unit.parent.normalize('NFC') });
    expect(b.call('conferences.get', { id }).conference.unitId).toBe(own!.id);
  });

  it('a second scenario of another unit does not replace the own unit', () => {
    const [first, second] = FIXTURE_FILES.map(readFixture);
    load(first);
    const own = b.call('unit.get', {});
    const otherId = load(second);
    expect(b.call('unit.get', {})).toEqual(own);
    const other = b.call('conferences.get', { id: otherId });
    expect(other.conference.unitId).not.toBe(own!.id);
    expect(other.unitName).toBe((second!.unit as FixtureUnit).name.normalize('NFC'));
  });

  it('with a unit already set up, a scenario of the same unit (any spelling) joins it', () => {
    const scenario = readFixture(FIXTURE_FILES[0]!);
    const unit = scenario.unit as FixtureUnit;
    const own = b.call('unit.save', { name: unit.name.toUpperCase(), level: unit.level as 'xã' });
    const id = load(scenario);
    expect(b.call('conferences.get', { id }).conference.unitId).toBe(own.id);
    expect(b.call('unit.get', {})?.name).toBe(unit.name.toUpperCase());
  });

  it('a bad file is refused in Vietnamese and writes nothing', () => {
    const good = readFixture(FIXTURE_FILES[0]!);
    const before = dumpDatabase(b.dbPath);
    const bad: unknown[] = [
      { ...good, conference: { ...(good.conference as object), date: '2026-02-31' } },
      { ...good, conference: { ...(good.conference as object), title: 42 } },
      { ...good, precollected: [{ field: 'Lĩnh vực không tồn tại', text: 'x', handling: 'noted' }] },
      { ...good, turns: [{ speaker: { name: 'Người lạ', registered: true }, concerns: [] }] },
      'không phải đối tượng',
    ];
    for (const raw of bad) {
      let caught: unknown;
      try {
        load(raw);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(raw).slice(0, 80)).toBeInstanceOf(ApiError);
      expect((caught as ApiError).code).toBe('invalid_input');
      expect((caught as ApiError).message).toMatch(VIETNAMESE);
      expect((caught as ApiError).message).not.toMatch(/Invalid input|expected/);
    }
    expect(dumpDatabase(b.dbPath)).toEqual(before);
  });

  it('demo.load loads the shipped demo conferences with their counts', () => {
    const { conferenceIds } = b.call('demo.load', {});
    expect(conferenceIds).toHaveLength(2);
    const list = b.call('conferences.list', {});
    expect(list.map((c) => c.id).sort()).toEqual([...conferenceIds].sort());
    expect(b.call('unit.get', {})).not.toBeNull();
    // The demo is built from the same scenarios as the fixtures: each demo conference's counts match one file.
    const expected = FIXTURE_FILES.map((f) => readFixture(f).expected);
    const actual = conferenceIds.map((id) => b.call('conferences.counts', { id }));
    expect(actual).toHaveLength(expected.length);
    expect(actual).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
    for (const id of conferenceIds) expect(b.call('conferences.counts', { id }).turns).toBeGreaterThan(0);
  });
});
