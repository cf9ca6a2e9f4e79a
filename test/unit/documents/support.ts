/**
 * Helpers for the document tests: a database per scenario, the unit's style switched
 * through the real API, and readers for what the files contain (DOCX XML, PDF text and
 * fonts through poppler-utils, XLSX through exceljs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { dispatch } from '../../../electron/services/dispatch';
import { openServiceContext } from '../../../electron/backend';
import type { ServiceContext } from '../../../electron/services/context';
import { loadScenario, parseScenario, type Scenario } from '../../../electron/services/scenarios';
import { defaultHeaderLines, getOwnUnit } from '../../../electron/services/units';
import type { DocumentStyle } from '../../../shared/domain';
import { localIsoDate } from '../../../shared/dates';
import { renderMinutesModel, renderReportModel, type DocumentOptions, type MinutesFormat, type ReportFormat } from '../../../electron/documents/index';
import { loadDocumentModel } from '../../../electron/services/document-model';
import { fixturePath, SCENARIO_FILES } from '../../fixtures/paths';

export { fixturePath } from '../../fixtures/paths';
export const SCENARIOS = [...SCENARIO_FILES];
export const ARTEFACTS = path.resolve(__dirname, '../../../test-results/documents');

export interface Expected {
  turns: number;
  concernsRaisedInTurns: number;
  concernsPrecollected: number;
  concernsTotal: number;
  byField: Record<string, number>;
  byHandling: Record<string, number>;
  speakersRegistered: number;
}

export interface Loaded {
  ctx: ServiceContext;
  id: string;
  scenario: Scenario;
  expected: Expected;
  dir: string;
  close(): void;
}

export function tempDir(prefix = 'doithoai-docs-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openDb(dir: string): ServiceContext {
  return openServiceContext({ dbPath: path.join(dir, 'docs.sqlite'), host: 'test' });
}

export function call<T>(ctx: ServiceContext, method: string, input: unknown): T {
  const result = dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** A fresh database holding one scenario, whose unit is the database's own unit. */
export function loadFixture(file: string): Loaded {
  const dir = tempDir();
  const ctx = openDb(dir);
  const raw = JSON.parse(fs.readFileSync(fixturePath(file), 'utf8')) as { expected: Expected };
  const scenario = parseScenario(raw);
  const id = ctx.db.transaction(() => loadScenario(ctx, scenario))();
  return {
    ctx,
    id,
    scenario,
    expected: raw.expected,
    dir,
    close: () => {
      ctx.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Switches the own unit's document style (and its default header lines) through `unit.save`. */
export function setStyle(ctx: ServiceContext, style: DocumentStyle): { parent: string; issuer: string } {
  const unit = getOwnUnit(ctx)!;
  const headers = defaultHeaderLines(unit.name, unit.parentName ?? '', style);
  call(ctx, 'unit.save', {
    name: unit.name,
    level: unit.level,
    parentName: unit.parentName ?? '',
    documentStyle: style,
    headerParentLine: headers.parent,
    headerIssuerLine: headers.issuer,
    placeName: unit.placeName,
  });
  return headers;
}

const nfc = (s: string | undefined) => (s ?? '').normalize('NFC');

/** Every speaker name and every matter text of a scenario, NFC. */
export function scenarioTexts(scenario: Scenario): { speakers: string[]; matters: string[] } {
  return {
    speakers: scenario.turns.map((t) => nfc(t.speaker.name)),
    matters: [...scenario.precollected, ...scenario.turns.flatMap((t) => t.concerns)].map((c) => nfc(c.text).trim()),
  };
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---- DOCX

export interface DocxParts {
  files: Record<string, string>;
  document: string;
  styles: string;
  /** Paragraph texts in order (runs joined), entities decoded. */
  paragraphs: string[];
}

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function readDocx(buffer: Buffer): DocxParts {
  const entries = unzipSync(new Uint8Array(buffer));
  const files: Record<string, string> = {};
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) files[name] = strFromU8(data);
  }
  const document = files['word/document.xml'] ?? '';
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
  return { files, document, styles: files['word/styles.xml'] ?? '', paragraphs };
}

/** All attributes of one name in an XML text, e.g. every `w:ascii` of every `w:rFonts`. */
export function attributeValues(xml: string, element: string, attribute: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${element}\\b([^>]*)>`, 'g'))) {
    const a = new RegExp(`${attribute}="([^"]*)"`).exec(m[1]!);
    if (a) out.push(a[1]!);
  }
  return out;
}

// ---- PDF

/** pdftotext of a PDF, page numbers (the first line of pages 2…) taken out, whitespace squashed. */
export function pdfText(file: string): string {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return squash(
    text
      .split('\f')
      .map((page, i) => (i > 0 ? page.replace(/^\s*\d+\s*\n/, '') : page))
      .join('\n'),
  );
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return out.map((line) => {
    // name type encoding emb sub uni object ID — the name has no spaces; emb is the 4th field from the end but 3.
    const parts = line.trim().split(/\s+/);
    return { name: parts[0]!, embedded: parts[parts.length - 5] === 'yes' };
  });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

// ---- Rendering page 1 to PNG (artefacts for people to look at)

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Page 1 of a PDF as PNG at 80 dpi: `${outBase}.png`. */
export function pdfPage1Png(pdf: string, outBase: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, outBase]);
  return `${outBase}.png`;
}

/**
 * Converts office files to PDF with LibreOffice headless, in one run, with a profile of its
 * own (two soffice instances on one profile refuse each other). Returns the PDFs made.
 */
export function sofficeToPdf(files: string[], outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-lo-'));
  try {
    spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`)).filter((f) => fs.existsSync(f));
}

/**
 * The minutes laid out in this thread straight from the database, with the defaults only
 * (no saved settings). Throws ApiError('not_found') for an unknown or deleted conference.
 */
export async function renderMinutes(ctx: ServiceContext, conferenceId: string, format: MinutesFormat, options: DocumentOptions = {}): Promise<Buffer> {
  return renderMinutesModel(loadDocumentModel(ctx, conferenceId), format, options, localIsoDate(ctx.now()));
}

/** The report, as `renderMinutes`; its outcomes as of its date (`options.date`, else today), as the service reads them. */
export async function renderReport(ctx: ServiceContext, conferenceId: string, format: ReportFormat, options: DocumentOptions = {}): Promise<Buffer> {
  const today = localIsoDate(ctx.now());
  return renderReportModel(loadDocumentModel(ctx, conferenceId, options.date ?? today), format, options, today);
}
