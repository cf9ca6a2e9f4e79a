/**
 * `load-scenario` honours `unit.documentStyle` (issue 8, A4/A5): a government-style scenario
 * prints the People's Committee with no parent line under the Quốc hiệu; the Party style
 * prints the superior Đảng bộ over "ĐẢNG ỦY …". The thị trấn fixture also carries a turn
 * without a matter and a plan number with slashes (B9).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fixturePath } from './support';
import { pdfText, readDocx, squash } from '../documents/support';

const TOWN = fixturePath('styles/thi-tran-an-lao-2024.json');
const WARD = fixturePath('phuong-hoa-binh-2026.json');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-cli-styles-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Loads a scenario into a fresh database; returns the database and the conference id. */
async function load(file: string, name: string): Promise<{ db: string; id: string }> {
  const db = path.join(dir, `${name}.sqlite`);
  const loaded = await cli('--db', db, 'load-scenario', file);
  expect(loaded.err).toEqual([]);
  expect(loaded.code).toBe(0);
  return { db, id: loaded.out.at(-1)! };
}

async function docx(db: string, command: 'minutes' | 'report', id: string): Promise<string[]> {
  const file = path.join(dir, `${path.basename(db, '.sqlite')}-${command}.docx`);
  const run = await cli('--db', db, command, id, '--out', file);
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  return readDocx(fs.readFileSync(file)).paragraphs.map(squash).filter(Boolean);
}

/** The header's left column: the lines before the Quốc hiệu / Party motto on the right. */
function leftHeader(paragraphs: string[]): string[] {
  return paragraphs.slice(0, paragraphs.findIndex((p) => p === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' || p === 'ĐẢNG CỘNG SẢN VIỆT NAM'));
}

describe('load-scenario with "documentStyle": "government" (a thị trấn, before 1/7/2025)', () => {
  let town: { db: string; id: string };
  beforeAll(async () => {
    town = await load(TOWN, 'town');
  });

  it('a thị trấn is accepted and keeps its counts and level', async () => {
    const scenario = JSON.parse(fs.readFileSync(TOWN, 'utf8'));
    const shown = await cli('--db', town.db, '--json', 'show', town.id);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out.join('\n')).counts).toMatchObject(scenario.expected);
  });

  it.each(['minutes', 'report'] as const)('%s: ỦY BAN NHÂN DÂN / THỊ TRẤN AN LÃO with no parent line, under the Quốc hiệu', async (command) => {
    const paragraphs = await docx(town.db, command, town.id);
    expect(leftHeader(paragraphs)).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ TRẤN AN LÃO', `Số: /${command === 'minutes' ? 'BB' : 'BC'}-UBND`]);
    expect(paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(paragraphs.join('\n')).not.toMatch(/HUYỆN AN LÃO|ĐẢNG BỘ|ĐẢNG CỘNG SẢN/);
  });

  it('minutes: a turn with no matter is one sentence; the PDF keeps 125/KH-UBND whole', async () => {
    const pdf = path.join(dir, 'town.pdf');
    expect((await cli('--db', town.db, 'minutes', town.id, '--out', pdf)).code).toBe(0);
    const line = '2. Đại biểu Lê Thị Thu, Chi hội trưởng, Hội Liên hiệp Phụ nữ, Khu dân cư số 1 phát biểu ý kiến, không nêu kiến nghị.';
    const text = pdfText(pdf);
    expect(text).toContain(line);
    expect(text).toContain('Kế hoạch số 125/KH-UBND ngày 01/10/2024');
    const paragraphs = await docx(town.db, 'minutes', town.id);
    expect(paragraphs).toContain(line);
    // No speaker line ends in a colon with nothing under it.
    paragraphs.forEach((p, i) => {
      if (/^\d+\. Đại biểu .*:$/.test(p)) expect(paragraphs[i + 1], p).toMatch(/^- /);
    });
  });
});

describe('load-scenario in the Party style', () => {
  it('the default: ĐẢNG BỘ THÀNH PHỐ HẢI AN over ĐẢNG ỦY PHƯỜNG HÒA BÌNH, under ĐẢNG CỘNG SẢN VIỆT NAM', async () => {
    const ward = await load(WARD, 'ward');
    for (const command of ['minutes', 'report'] as const) {
      const paragraphs = await docx(ward.db, command, ward.id);
      expect(leftHeader(paragraphs)).toEqual(['ĐẢNG BỘ THÀNH PHỐ HẢI AN', 'ĐẢNG ỦY PHƯỜNG HÒA BÌNH', '*', `Số -${command === 'minutes' ? 'BB' : 'BC'}/ĐU`]);
      expect(paragraphs).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(paragraphs).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    }
  });

  it('"documentStyle": "party" on the thị trấn prints its district Đảng bộ', async () => {
    const scenario = JSON.parse(fs.readFileSync(TOWN, 'utf8'));
    scenario.unit.documentStyle = 'party';
    const file = path.join(dir, 'town-party.json');
    fs.writeFileSync(file, JSON.stringify(scenario));
    const town = await load(file, 'town-party');
    const paragraphs = await docx(town.db, 'minutes', town.id);
    expect(leftHeader(paragraphs).slice(0, 2)).toEqual(['ĐẢNG BỘ HUYỆN AN LÃO', 'ĐẢNG ỦY THỊ TRẤN AN LÃO']);
  });

  it('a province-level scenario is THÀNH ỦY with the code TU and no line above', async () => {
    const scenario = JSON.parse(fs.readFileSync(TOWN, 'utf8'));
    scenario.unit = { name: 'Thành phố Hải Phòng', level: 'thành phố', documentStyle: 'party' };
    const file = path.join(dir, 'city.json');
    fs.writeFileSync(file, JSON.stringify(scenario));
    const city = await load(file, 'city');
    const paragraphs = await docx(city.db, 'report', city.id);
    expect(leftHeader(paragraphs)).toEqual(['THÀNH ỦY HẢI PHÒNG', '*', 'Số -BC/TU']);
  });

  it('an unknown style is one Vietnamese line and exit 1', async () => {
    const scenario = JSON.parse(fs.readFileSync(TOWN, 'utf8'));
    scenario.unit.documentStyle = 'ubnd';
    const file = path.join(dir, 'bad-style.json');
    fs.writeFileSync(file, JSON.stringify(scenario));
    const run = await cli('--db', path.join(dir, 'bad.sqlite'), 'load-scenario', file);
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/unit\.documentStyle/);
  });

  it('an emoji anywhere in the file is refused, naming where', async () => {
    const scenario = JSON.parse(fs.readFileSync(TOWN, 'utf8'));
    scenario.turns[0].concerns[1].text = 'Rác thải tồn đọng 😡';
    const file = path.join(dir, 'emoji.json');
    fs.writeFileSync(file, JSON.stringify(scenario));
    const run = await cli('--db', path.join(dir, 'emoji.sqlite'), 'load-scenario', file);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([expect.stringContaining('"turns.0.concerns.1.text": Không dùng biểu tượng cảm xúc (emoji)')]);
  });
});
