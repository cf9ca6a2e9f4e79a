/**
 * The repository stands alone: someone who clones it gets everything its files refer to.
 * No tracked file may send the reader to notes kept outside the repository (the team's
 * format, glossary and style notes, a `../shared` folder beside the checkout, an absolute
 * path on one machine); what those notes held lives in docs/ (see docs/README.md). And
 * every relative link in the docs leads to a file, and a heading, that exists.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** Names of the outside notes, spelled in pieces so that this file does not name them itself. */
const OUTSIDE_NOTES = ['FORMATS', 'GLOSSARY', 'STYLE'].map((name) => `${name}.md`);
const OUTSIDE_NOTE = new RegExp(`\\b(?:${OUTSIDE_NOTES.map((n) => n.replace('.', '\\.')).join('|')})\\b`, 'g');
/** An absolute path into the machine's work folder (not a URL's path, not a word ending in "work"). */
const WORK_PATH = new RegExp(`(?<![\\w.~/:-])/${'work'}/`, 'g');
/** A relative path that goes up into a folder named shared; it is wrong only when it leaves the repository. */
const UP_TO_SHARED = /[\w./-]*\.\.\/shared\b/g;

/** Files with no text to read, or generated. */
const SKIPPED = new Set(['package-lock.json']);

interface OutsideRef {
  file: string;
  line: number;
  text: string;
}

/** Does `target`, written in `file` (posix, from the root), lead out of the repository? */
function leavesRepository(file: string, target: string): boolean {
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
  return resolved === '..' || resolved.startsWith('../');
}

/** The places in `text` (the content of `file`) that refer outside the repository. */
function outsideRefs(file: string, text: string): OutsideRef[] {
  const found: OutsideRef[] = [];
  text.split('\n').forEach((line, i) => {
    const add = (match: string) => found.push({ file, line: i + 1, text: match });
    for (const m of line.matchAll(OUTSIDE_NOTE)) add(m[0]);
    for (const m of line.matchAll(WORK_PATH)) add(line.slice(m.index, m.index + 40).trim());
    for (const m of line.matchAll(UP_TO_SHARED)) if (leavesRepository(file, m[0])) add(m[0]);
  });
  return found;
}

/** Tracked files, and new ones not ignored, so a reference is caught before it is committed. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...new Set(out.split('\0'))].filter(
    (f) => f && !f.startsWith('node_modules/') && !SKIPPED.has(path.posix.basename(f)) && fs.existsSync(path.join(ROOT, f)) && fs.statSync(path.join(ROOT, f)).isFile(),
  );
}

/** Text content, or null for a binary file (fonts, images, the ZIP fixtures). */
function readText(file: string): string | null {
  const bytes = fs.readFileSync(path.join(ROOT, file));
  if (bytes.includes(0)) return null;
  return bytes.toString('utf8');
}

// ── Links in the docs ─────────────────────────────────────────────────────────────────

interface Link {
  line: number;
  target: string;
}

/** Markdown links `[text](target)` outside fenced code blocks. */
function markdownLinks(text: string): Link[] {
  const links: Link[] = [];
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const code = line.replace(/`[^`]*`/g, '');
    for (const m of code.matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line: i + 1, target: m[1]! });
  });
  return links;
}

/** The anchor a heading gets on the usual Markdown hosts: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) anchors.add(headingAnchor(m[1]!));
  }
  return anchors;
}

/** Links of `file` (from the root) that lead nowhere: a missing file, or a missing heading in a Markdown file. */
function brokenLinks(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const broken: string[] = [];
  for (const { line, target } of markdownLinks(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
    const resolved = pathPart ? path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(pathPart))) : file;
    const where = `${file}:${line} → ${target}`;
    if (resolved.startsWith('../') || !fs.existsSync(path.join(ROOT, resolved))) {
      broken.push(`${where} (no such file)`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && !anchorsOf(fs.readFileSync(path.join(ROOT, resolved), 'utf8')).has(anchor)) {
      broken.push(`${where} (no such heading)`);
    }
  }
  return broken;
}

// ── The checks ────────────────────────────────────────────────────────────────────────

describe('the repository stands alone', () => {
  it('no file refers to notes kept outside the repository', () => {
    const found = repositoryFiles().flatMap((file) => {
      const text = readText(file);
      return text === null ? [] : outsideRefs(file, text);
    });
    expect(found.map((r) => `${r.file}:${r.line}: ${r.text}`), 'point to docs/ instead (see docs/README.md)').toEqual([]);
  });

  it('every relative link in docs/ and the README leads to a file and heading that exist', () => {
    const files = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    expect(files.length).toBeGreaterThan(3);
    expect(files.flatMap(brokenLinks)).toEqual([]);
  });

  it('docs/ holds what the code refers to, with an index', () => {
    for (const f of ['README.md', 'architecture.md', 'glossary.md', 'document-formats.md', 'package-format.md', 'scenario-format.md']) {
      expect(fs.existsSync(path.join(ROOT, 'docs', f)), `docs/${f}`).toBe(true);
    }
  });
});

describe('what the checks catch', () => {
  const note = OUTSIDE_NOTES[0]!;

  it('names of the outside notes, in any file', () => {
    expect(outsideRefs('electron/documents/layout.ts', ` * The page sizes of ${note}.`)).toEqual([{ file: 'electron/documents/layout.ts', line: 1, text: note }]);
    expect(outsideRefs('x.ts', 'see docs/document-formats.md')).toEqual([]);
  });

  it('an absolute path into the work folder, but not a URL or a word', () => {
    const work = `/${'work'}/`;
    expect(outsideRefs('test/e2e/a.test.ts', `screenshot({ path: '${work}notes/a.png' })`)).toHaveLength(1);
    expect(outsideRefs('a.md', `https://example.org${work}x and network/ and ./work/x`)).toEqual([]);
  });

  it('a ../shared path only when it leaves the repository', () => {
    expect(outsideRefs('renderer/src/components/A.tsx', "import { fold } from '../../../shared/text';")).toEqual([]);
    expect(outsideRefs('test/unit/shared/a.test.ts', "import { x } from '../../../shared/names';")).toEqual([]);
    expect(outsideRefs('README.md', 'as ../shared/notes say')).toHaveLength(1);
    expect(outsideRefs('electron/documents/a.ts', "from '../../../shared/x'")).toHaveLength(1);
    expect(leavesRepository('eslint.config.js', '../shared')).toBe(true);
    expect(leavesRepository('electron/a.ts', '../shared')).toBe(false);
  });

  it('links: targets outside code, headings as anchors', () => {
    expect(markdownLinks('See [a](b.md#c) and `[x](y)`.\n```\n[p](q)\n```\n[r](https://s)')).toEqual([
      { line: 1, target: 'b.md#c' },
      { line: 5, target: 'https://s' },
    ]);
    expect(headingAnchor('Not produced yet')).toBe('not-produced-yet');
    expect(headingAnchor('"Nơi nhận" (recipients)')).toBe('nơi-nhận-recipients');
    expect(headingAnchor('Results report — Biểu 01: every matter')).toBe('results-report--biểu-01-every-matter');
  });
});
