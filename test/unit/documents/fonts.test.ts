/**
 * The font must be found in every way the app runs: from source (this test), from the
 * esbuild bundles in dist/electron (built here into a temporary app folder laid out like
 * the checkout), and in packaged Electron (process.resourcesPath/resources/fonts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { fontCandidates, fontsDir, FONT_FILES } from '../../../electron/documents/fonts';
import { fixturePath, pdfFonts } from './support';

const ROOT = path.resolve(__dirname, '../../..');

describe('the embedded font', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('ships all four Liberation Serif 2 faces with the OFL licence', () => {
    const dir = path.join(ROOT, 'resources', 'fonts');
    for (const file of Object.values(FONT_FILES)) expect(fs.statSync(path.join(dir, file)).size).toBeGreaterThan(300_000);
    const licence = fs.readFileSync(path.join(dir, 'LICENSE-LiberationSerif.txt'), 'utf8');
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(licence).toContain('Copyright (c) 2012 Red Hat, Inc. with Reserved Font Name Liberation.');
    expect(fontsDir()).toBe(dir);
  });

  it('is looked for beside process.resourcesPath first (packaged Electron)', () => {
    const proc = process as { resourcesPath?: string };
    const before = proc.resourcesPath;
    proc.resourcesPath = '/opt/DoiThoai/resources';
    try {
      expect(fontCandidates()[0]).toBe(path.join('/opt/DoiThoai/resources', 'resources', 'fonts'));
    } finally {
      if (before === undefined) delete proc.resourcesPath;
      else proc.resourcesPath = before;
    }
  });

  it('is found by the bundled CLI (dist/electron/cli.cjs), whatever the working folder', async () => {
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-bundle-'));
    dirs.push(app);
    fs.symlinkSync(path.join(ROOT, 'resources'), path.join(app, 'resources'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
    const cli = path.join(app, 'dist', 'electron', 'cli.cjs');
    await build({
      absWorkingDir: ROOT,
      entryPoints: ['electron/cli/main.ts'],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron', 'better-sqlite3'],
      logLevel: 'silent',
    });
    const env: NodeJS.ProcessEnv = { ...process.env, DOITHOAI_DB: path.join(app, 'db.sqlite') };
    delete env.DOITHOAI_FONTS_DIR;
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', cwd: os.tmpdir() });
    const loaded = run('load-scenario', fixturePath('xa-tan-lap-2026.json'));
    expect(loaded.status, loaded.stderr).toBe(0);
    const id = loaded.stdout.trim().split('\n').at(-1)!;
    const pdf = path.join(app, 'bien-ban.pdf');
    const made = run('minutes', id, '--out', pdf);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    for (const font of pdfFonts(pdf)) expect(font.embedded).toBe(true);
    for (const out of ['bao-cao.xlsx', 'bao-cao.docx']) expect(run('report', id, '--out', path.join(app, out)).status).toBe(0);
  }, 60_000);
});
