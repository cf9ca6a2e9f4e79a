/**
 * The parent prints the unit's own documents (issue 8, A2): a government-style unit exports,
 * the province imports, and the minutes and report laid out there have the unit's text —
 * header, number, recipients, date, signer — not the Party-style defaults the province
 * would guess from the unit's name. "Tải bản gốc" gives the signed files exactly, and a
 * version-1 package (no document settings) still imports.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportConference } from '../../../electron/services/package-export';
import { importPackages } from '../../../electron/services/package-import';
import type { PackageData } from '../../../electron/package/model';
import { makeTempDir, openTestBackend, type TempDir, type TestBackend } from '../support/temp-db';
import { pdfText, readDocx, setStyle, squash } from '../documents/support';
import { forge, loadFixture, sha256, unzip } from './support';

let tmp: TempDir;
let unit: TestBackend;
let parent: TestBackend;
beforeEach(() => {
  tmp = makeTempDir('doithoai-pkg-docs-');
  unit = openTestBackend(tmp, 'unit.sqlite');
  parent = openTestBackend(tmp, 'parent.sqlite');
});
afterEach(() => {
  unit.close();
  parent.close();
  tmp.cleanup();
});

async function rendered(b: TestBackend, conferenceId: string, kind: 'minutes' | 'report', format: 'docx' | 'pdf' | 'xlsx'): Promise<Buffer> {
  const file = await b.callAsync('documents.render', { conferenceId, kind, format });
  return Buffer.from(file.base64, 'base64');
}

/** The text a reader sees: DOCX paragraphs, or pdftotext of the PDF. */
async function textOf(b: TestBackend, conferenceId: string, kind: 'minutes' | 'report', format: 'docx' | 'pdf'): Promise<string> {
  const bytes = await rendered(b, conferenceId, kind, format);
  if (format === 'docx') return readDocx(bytes).paragraphs.join('\n');
  const file = tmp.file(`${kind}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return pdfText(file);
}

/** A government-style ward whose chairs are the Bí thư and the Chủ tịch, with its documents set. */
function governmentUnit(): string {
  const id = loadFixture(unit, 'phuong-hoa-binh-2026.json');
  setStyle(unit.ctx, 'government');
  unit.call('documents.save', { conferenceId: id, kind: 'minutes', settings: { number: '7', recipients: ['- Thường trực Đảng ủy phường;', '- Lưu: VT, Hồ sơ.'] } });
  unit.call('documents.save', { conferenceId: id, kind: 'report', settings: { number: '12', date: '2026-10-06' } });
  return id;
}

describe('a government-style unit’s documents at the parent', () => {
  it('the parent’s minutes and report have the unit’s own text, byte for byte', async () => {
    const id = governmentUnit();
    const built = await exportConference(unit.ctx, id);
    expect(built.manifest.formatVersion).toBe(2);
    const [result] = await importPackages(parent.ctx, [{ name: 'hoa-binh.doithoai', bytes: built.bytes }]);
    expect(result).toMatchObject({ outcome: 'imported' });

    for (const [kind, format] of [['minutes', 'docx'], ['minutes', 'pdf'], ['report', 'docx']] as const) {
      const own = await textOf(unit, id, kind, format);
      const atParent = await textOf(parent, id, kind, format);
      expect(atParent, `${kind}.${format}`).toBe(own);
      expect(own).toContain('ỦY BAN NHÂN DÂN');
      expect(own).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(own).not.toContain('ĐẢNG ỦY PHƯỜNG');
      expect(own).not.toMatch(/-BB\/ĐU|-BC\/ĐU/);
    }
    const minutes = squash(await textOf(parent, id, 'minutes', 'docx'));
    expect(minutes).toContain('Số: 07/BB-UBND');
    expect(minutes).toContain('Thường trực Đảng ủy phường');
    const report = squash(await textOf(parent, id, 'report', 'docx'));
    expect(report).toContain('Số: 12/BC-UBND');
    expect(report).toContain('ngày 06 tháng 10 năm 2026');
    // A3: the People's Committee signs by its Chủ tịch, not the Party secretary listed first.
    expect(report).toMatch(/TM\. ỦY BAN NHÂN DÂN\s*CHỦ TỊCH\s*Trần Quốc Hưng/);
    expect(report).not.toMatch(/CHỦ TỊCH\s*Lê Thị Minh Tâm/);

    // The screen at the parent shows the unit's settings, read-only; a save there is refused.
    const setup = parent.call('documents.defaults', { conferenceId: id, kind: 'report' });
    expect(setup).toMatchObject({ number: '12', date: '2026-10-06', readOnly: true, original: 'report.xlsx', signer: { name: 'Trần Quốc Hưng' } });
    expect(parent.raw('documents.save', { conferenceId: id, kind: 'report', settings: { number: '99' } })).toMatchObject({ ok: false, error: { code: 'refused' } });
    // What the parent types does not change the unit's document.
    const typed = await parent.callAsync('documents.render', { conferenceId: id, kind: 'minutes', format: 'docx', settings: { number: '99' } });
    expect(readDocx(Buffer.from(typed.base64, 'base64')).paragraphs.join('\n')).toContain('Số: 07/BB-UBND');
  }, 60_000);

  it('"Tải bản gốc" gives the signed minutes.docx and report.xlsx whose SHA-256 the manifest holds', async () => {
    const id = governmentUnit();
    const built = await exportConference(unit.ctx, id);
    await importPackages(parent.ctx, [{ name: 'hoa-binh.doithoai', bytes: built.bytes }]);
    const entries = unzip(built.bytes);
    for (const [kind, name] of [['minutes', 'minutes.docx'], ['report', 'report.xlsx']] as const) {
      const original = parent.call('documents.original', { conferenceId: id, kind });
      const bytes = Buffer.from(original.base64, 'base64');
      expect(sha256(bytes)).toBe(built.manifest.files[name]!.sha256);
      expect(bytes.equals(entries.get(name)!)).toBe(true);
      expect(original.fileName).toMatch(/_ban-goc\.(docx|xlsx)$/);
    }
    // The unit's own conference has no original from a package.
    expect(unit.raw('documents.original', { conferenceId: id, kind: 'minutes' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the signed minutes.docx in the package is the document the unit sees', async () => {
    const id = governmentUnit();
    const built = await exportConference(unit.ctx, id);
    const inPackage = readDocx(unzip(built.bytes).get('minutes.docx')!).paragraphs.join('\n');
    expect(inPackage).toBe(await textOf(unit, id, 'minutes', 'docx'));
  });

  it('exporting again the next day sends the same revision: the report keeps the date it was first sent with', async () => {
    const id = loadFixture(unit, 'phuong-hoa-binh-2026.json');
    const first = await exportConference(unit.ctx, id);
    unit.ctx.now = () => new Date(Date.now() + 86_400_000);
    const again = await exportConference(unit.ctx, id);
    expect(again.manifest.conference.revision).toBe(first.manifest.conference.revision);
  });
});

describe('version 1', () => {
  it('a version-1 package (no document settings) still imports, its documents laid out with the defaults', async () => {
    const id = governmentUnit();
    const v2 = (await exportConference(unit.ctx, id, { documents: false })).bytes;
    const v1 = forge(v2, {
      manifest: (m) => (m.formatVersion = 1),
      data: (d: PackageData) => delete d.documents,
    });
    const [result] = await importPackages(parent.ctx, [{ name: 'v1.doithoai', bytes: v1 }]);
    expect(result).toMatchObject({ outcome: 'imported', conferenceId: id });
    const text = await textOf(parent, id, 'minutes', 'docx');
    expect(text).toContain('BIÊN BẢN');
    expect(parent.call('documents.defaults', { conferenceId: id, kind: 'minutes' })).toMatchObject({ readOnly: true, original: null });
  });

  it('a version-2 package without document settings, or a version-1 package with them, is refused', async () => {
    const id = governmentUnit();
    const v2 = (await exportConference(unit.ctx, id, { documents: false })).bytes;
    const without = forge(v2, { data: (d: PackageData) => delete d.documents });
    const claimsV1 = forge(v2, { manifest: (m) => (m.formatVersion = 1) });
    const results = await importPackages(parent.ctx, [
      { name: 'a.doithoai', bytes: without },
      { name: 'b.doithoai', bytes: claimsV1 },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'refused']);
    expect(results[0]!.message).toContain('thiếu thiết lập văn bản');
  });
});

// pdftotext must be there: the PDF comparison is part of the proof.
execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
