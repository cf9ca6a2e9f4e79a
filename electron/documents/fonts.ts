/**
 * The PDF font (Liberation Serif 2.1, OFL; metric-compatible with Times New Roman, which
 * the DOCX files name) and text measuring with it. The TTFs ship in resources/fonts, which
 * sits at a different distance from the running code in each way the app runs:
 *   - vitest, from source:           electron/documents/ → ../../resources/fonts
 *   - tsx (`npm run cli`, ESM):      no __dirname; found from the entry script or the cwd
 *   - esbuild bundles (dist/electron/*.cjs): ../../resources/fonts
 *   - packaged Electron:             process.resourcesPath/resources/fonts (extraResources)
 * so we look in each of those places, nearest first.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { ApiError } from '../../shared/api/errors';

export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';

export const FONT_FILES: Record<FontStyle, string> = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
};

const PROBE = FONT_FILES.normal;

/** Folders that may hold the fonts, nearest first (see the top of this file). */
export function fontCandidates(): string[] {
  const starts: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) starts.push(path.join(resourcesPath, 'resources', 'fonts'));
  const roots: string[] = [];
  if (typeof __dirname !== 'undefined') roots.push(__dirname);
  if (process.argv[1]) roots.push(path.dirname(path.resolve(process.argv[1])));
  roots.push(process.cwd());
  for (const root of roots) {
    let dir = root;
    for (let up = 0; up < 5; up++) {
      starts.push(path.join(dir, 'resources', 'fonts'));
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return starts;
}

let cachedDir: string | null = null;

/** The folder holding the TTFs; throws with a clear message when the app was installed without them. */
export function fontsDir(): string {
  if (cachedDir) return cachedDir;
  const fromEnv = process.env.DOITHOAI_FONTS_DIR;
  const found = [...(fromEnv ? [fromEnv] : []), ...fontCandidates()].find((dir) => fs.existsSync(path.join(dir, PROBE)));
  if (!found) throw new ApiError('internal', `Không tìm thấy phông chữ ${PROBE} (thư mục resources/fonts): hãy cài lại ứng dụng.`);
  cachedDir = found;
  return found;
}

const buffers = new Map<FontStyle, Buffer>();

export function fontBuffer(style: FontStyle): Buffer {
  let buffer = buffers.get(style);
  if (!buffer) {
    buffer = fs.readFileSync(path.join(fontsDir(), FONT_FILES[style]));
    buffers.set(style, buffer);
  }
  return buffer;
}

interface Measurer {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}
const measurers = new Map<FontStyle, Measurer>();

/**
 * Width in points of one line of text at `size` pt. Liberation Serif has Times New Roman's
 * advance widths, so this also measures the DOCX, e.g. for a rule as long as the text above.
 */
export function textWidth(text: string, size: number, style: FontStyle = 'normal'): number {
  let font = measurers.get(style);
  if (!font) {
    font = fontkit.create(fontBuffer(style)) as unknown as Measurer;
    measurers.set(style, font);
  }
  return (font.layout(text.normalize('NFC')).advanceWidth / font.unitsPerEm) * size;
}

/**
 * Breaks a centred title into lines as a typist would: the fewest lines that fit, of even
 * length ("…năm" / "2026" alone on the last line looks careless), preferably after a comma,
 * and never at the dash of "chính trị - xã hội".
 */
export function balancedLines(text: string, size: number, maxWidth: number, style: FontStyle = 'bold'): string[] {
  // "chính trị - xã hội", "kinh tế - xã hội": the two words each side of a dash stay together.
  const words: string[] = [];
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '-' && words.length > 0 && i + 1 < tokens.length) {
      const before = words.length > 1 && !/[,;:]$/.test(words[words.length - 2]!) ? words.splice(-2).join(' ') : words.pop()!;
      const after = [tokens[++i]!];
      if (i + 1 < tokens.length && tokens[i + 1] !== '-' && !/[,;:]$/.test(after[0]!)) after.push(tokens[++i]!);
      words.push(`${before} - ${after.join(' ')}`);
    } else words.push(token);
  }
  const n = words.length;
  if (n === 0) return [];
  const width = (from: number, to: number) => textWidth(words.slice(from, to).join(' '), size, style);
  if (width(0, n) <= maxWidth) return [words.join(' ')];

  // best[i]: cheapest way to set words[i..]; fewer lines first, then even lines, then breaks after punctuation.
  const LINE = 1e9;
  const notAtComma = (0.2 * maxWidth) ** 2;
  const best: Array<{ cost: number; next: number }> = Array.from({ length: n + 1 }, () => ({ cost: Infinity, next: n }));
  best[n] = { cost: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= n; j++) {
      const w = width(i, j);
      if (w > maxWidth && j > i + 1) break;
      const slack = Math.max(0, maxWidth - w);
      const penalty = j < n && !/[,;:]$/.test(words[j - 1]!) ? notAtComma : 0;
      const cost = LINE + slack * slack + penalty + best[j]!.cost;
      if (cost < best[i]!.cost) best[i] = { cost, next: j };
    }
  }
  const lines: string[] = [];
  for (let i = 0; i < n; i = best[i]!.next) lines.push(words.slice(i, best[i]!.next).join(' '));
  return lines;
}
