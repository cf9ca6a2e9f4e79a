import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { fixturePath, SCENARIO_FILES } from './support';

const scenarios = [...SCENARIO_FILES];

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('command line', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-'));
    db = path.join(dir, 'cli.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(scenarios)('load-scenario %s, then show --json gives the expected counts', (file) => {
    const scenario = JSON.parse(fs.readFileSync(fixturePath(file), 'utf8'));
    const loaded = cli('--db', db, 'load-scenario', fixturePath(file));
    expect(loaded.code).toBe(0);
    const id = loaded.out.at(-1)!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const shown = cli('--db', db, '--json', 'show', id);
    expect(shown.code).toBe(0);
    const conference = JSON.parse(shown.out.join('\n'));
    expect(conference.id).toBe(id);
    expect(conference.counts).toMatchObject(scenario.expected);
    expect(conference.unitName).toBe(scenario.unit.name.normalize('NFC'));
  });

  it('list --json gives id, title, date, unit and counts of every conference', () => {
    for (const file of scenarios) expect(cli('--db', db, 'load-scenario', fixturePath(file)).code).toBe(0);
    const listed = cli('--db', db, '--json', 'list');
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.out.join('\n'));
    expect(rows).toHaveLength(scenarios.length);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'title', 'date', 'unit', 'counts']));
      expect(row.counts.turns).toBeGreaterThan(0);
    }
    // The first scenario's unit became this database's own unit; the other keeps its own.
    expect(new Set(rows.map((r: { unit: string }) => r.unit)).size).toBe(scenarios.length);
  });

  it('refuses bad input with exit 1 and one Vietnamese line, writing nothing', () => {
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"unit": {"name": "Xã A", "level": "xã"}, "conference": {"title": "T", "kind": "periodic", "date": "2026-13-01", "start": "08:00"}}');
    const notJson = path.join(dir, 'not.json');
    fs.writeFileSync(notJson, 'không phải JSON');
    for (const args of [
      ['load-scenario', broken],
      ['load-scenario', notJson],
      ['load-scenario', path.join(dir, 'missing.json')],
      ['show', '6b55a028-168f-48bc-b4d9-b63b5dd04dc3'],
      ['show', 'không-phải-mã'],
    ]) {
      const run = cli('--db', db, ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(/^Lỗi: /);
    }
    expect(JSON.parse(cli('--db', db, '--json', 'list').out.join('\n'))).toEqual([]);
  });

  it('answers wrong usage with exit 2', () => {
    expect(cli('--db', db).code).toBe(2);
    expect(cli('--db', db, 'frobnicate').code).toBe(2);
    expect(cli('--db', db, '--bogus', 'list').code).toBe(2);
    expect(cli('--db', db, 'show').code).toBe(2);
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    expect(cli('--db', db, 'list').code).toBe(0);
    const raw = new Database(db);
    raw.pragma('user_version = 999');
    raw.close();
    const before = fs.readFileSync(db);
    const run = cli('--db', db, 'list');
    expect(run.code).toBe(1);
    expect(run.err[0]).toContain('phiên bản Đối Thoại mới hơn');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('runs as a real process: DOITHOAI_DB picks the database, exit codes reach the shell', () => {
    const tsx = path.resolve(__dirname, '../../../node_modules/.bin/tsx');
    const entry = path.resolve(__dirname, '../../../electron/cli/main.ts');
    const env = { ...process.env, DOITHOAI_DB: db };
    const ok = spawnSync(tsx, [entry, 'load-scenario', fixturePath(scenarios[0]!)], { env, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
    const bad = spawnSync(tsx, [entry, 'show', 'x'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const usage = spawnSync(tsx, [entry], { env, encoding: 'utf8' });
    expect(usage.status).toBe(2);
  }, 30_000); // Three tsx processes start here: slow on a busy two-core machine.
});
