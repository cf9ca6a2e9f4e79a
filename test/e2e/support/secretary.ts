/**
 * The secretary at the keyboard: high-level steps that drive the real UI the way she
 * does (F2, F3, typeahead, Alt+1..4, Unikey Telex). Every step waits on explicit
 * readiness (focus, data-saved, the save indicator), never on a fixed sleep.
 */
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { fixturePath } from '../../fixtures/paths';

// ── Scenario files (the demo scenarios in resources/demo/, see test/fixtures/paths.ts) ──

export interface SpeakerSpec {
  name: string;
  position?: string;
  organization?: string;
  address?: string;
  registered?: boolean;
}

export type HandlingSpec = 'answered' | 'assigned' | 'forwarded' | 'noted';

export interface ConcernSpec {
  field: string;
  text: string;
  handling: HandlingSpec;
  answeredBy?: string;
  answer?: string;
  agency?: string;
  /** yyyy-mm-dd */
  deadline?: string;
}

export interface ScenarioFile {
  about: string;
  unit: { name: string; level: string; parent: string };
  conference: {
    title: string;
    kind: 'periodic' | 'thematic' | 'adHoc';
    date: string;
    start: string;
    end?: string;
    location: string;
    planRef: string;
    chairs: Array<{ name: string; position: string }>;
    secretary: { name: string; position: string };
    guests: string[];
    attendeeCount: number | null;
    report: string;
    conclusion: string;
  };
  registeredSpeakers: SpeakerSpec[];
  turns: Array<{ speaker: SpeakerSpec; concerns: ConcernSpec[] }>;
  precollected: ConcernSpec[];
  expected: {
    turns: number;
    concernsRaisedInTurns: number;
    concernsPrecollected: number;
    concernsTotal: number;
    byField: Record<string, number>;
    byHandling: Record<HandlingSpec, number>;
    speakersRegistered: number;
  };
}

export const SCENARIO_FILES = ['phuong-hoa-binh-2026.json', 'xa-tan-lap-2026.json'];

export function loadScenarioFile(name: string): ScenarioFile {
  return JSON.parse(fs.readFileSync(fixturePath(name), 'utf8')) as ScenarioFile;
}

// ── Typing ───────────────────────────────────────────────────────────────────────────

/** Texts longer than this are pasted (keyboard.insertText) to keep the run fast. */
export const PASTE_THRESHOLD = 400;

/** The key a Telex typist presses first for a letter: "ứ" → "u", "Đ" → "D". */
function baseLetter(ch: string): string {
  if (ch === 'đ') return 'd';
  if (ch === 'Đ') return 'D';
  return ch.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Types like Unikey in Telex mode: the bare letters first, then, when a mark completes a
 * letter, Backspace over what must change and the composed replacement — sometimes one
 * character, sometimes the last two ("Du" ⌫⌫ "Đu").
 */
export async function typeTelex(page: Page, text: string): Promise<void> {
  const chars = [...text.normalize('NFC')];
  let plain = '';
  let twoBack = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const base = baseLetter(ch);
    if (base === ch || base.length !== 1) {
      plain += ch;
      continue;
    }
    if (plain) {
      await page.keyboard.type(plain);
      plain = '';
    }
    await page.keyboard.type(base);
    const prev = i > 0 ? chars[i - 1]! : '';
    twoBack = !twoBack;
    if (twoBack && prev && prev !== ' ') {
      // Unikey rewrites the tail: erase the mark's letter and the one before it.
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(prev + ch);
    } else {
      await page.keyboard.press('Backspace');
      await page.keyboard.type(ch);
    }
  }
  if (plain) await page.keyboard.type(plain);
}

export interface TypeOptions {
  /** Type this many leading words with Telex (Infinity: all); the rest plainly. */
  telexWords?: number;
}

/** Types into the focused control: pastes very long text, Telex for part, plain for the rest. */
export async function typeText(page: Page, text: string, options: TypeOptions = {}): Promise<void> {
  if (text.length === 0) return;
  if (text.length > PASTE_THRESHOLD) {
    await page.keyboard.insertText(text);
    return;
  }
  const telexWords = options.telexWords ?? 0;
  // NFD text is typed as it is (base letters then combining marks), as a paste from a PDF would arrive.
  if (telexWords <= 0 || text !== text.normalize('NFC')) {
    await page.keyboard.type(text);
    return;
  }
  const words = text.split(/(?<= )/);
  const head = words.slice(0, telexWords).join('');
  const tail = words.slice(telexWords).join('');
  await typeTelex(page, head);
  if (tail) await page.keyboard.type(tail);
}

/** Selects everything in the focused control and types over it. */
export async function retype(page: Page, text: string, options: TypeOptions = {}): Promise<void> {
  await page.keyboard.press('Control+A');
  if (text === '') {
    await page.keyboard.press('Delete');
    return;
  }
  await typeText(page, text, options);
}

// ── Waiting ──────────────────────────────────────────────────────────────────────────

/** Waits until the focused element matches `selector` (CSS). */
export async function waitFocus(page: Page, selector: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((sel) => document.activeElement instanceof Element && document.activeElement.matches(sel), selector, { timeout });
}

/** Waits until every change is acknowledged: indicator "saved", no field pending. */
export async function waitSaved(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const indicator = document.querySelector('[data-testid="save-indicator"]');
      return indicator?.getAttribute('data-state') === 'saved' && document.querySelector('[data-saved="false"]') === null;
    },
    undefined,
    { timeout },
  );
}

export function isoToVn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

// ── Steps ────────────────────────────────────────────────────────────────────────────

/** First run: describes the unit through the setup screen and continues to the list. */
export async function setupUnit(page: Page, unit: ScenarioFile['unit']): Promise<void> {
  await page.getByTestId('setup-screen').waitFor();
  await page.getByTestId('unit-name').click();
  await typeText(page, unit.name, { telexWords: Infinity });
  await page.getByTestId('unit-level').selectOption(unit.level);
  await page.getByTestId('unit-parentName').click();
  await typeText(page, unit.parent, { telexWords: 2 });
  await waitSaved(page);
  await page.getByTestId('setup-continue').click();
  await page.getByTestId('list-screen').waitFor();
}

/** "Tạo hội nghị mới": returns the new conference's id (from the address). */
export async function createConference(page: Page): Promise<string> {
  await page.getByTestId('create-conference').click();
  await page.getByTestId('prepare-screen').waitFor();
  const hash = await page.evaluate(() => window.location.hash);
  const m = /hoi-nghi\/([0-9a-f-]{36})/.exec(hash);
  if (!m) throw new Error(`no conference id in ${hash}`);
  return m[1]!;
}

async function fill(page: Page, target: Locator, text: string, options: TypeOptions = {}): Promise<void> {
  await target.click();
  await retype(page, text, options);
}

/** Fills the conference details on the preparation screen. */
export async function prepareConference(page: Page, c: ScenarioFile['conference']): Promise<void> {
  await fill(page, page.getByTestId('conference-title'), c.title, { telexWords: 4 });
  await page.getByTestId('conference-kind').selectOption(c.kind);
  await fill(page, page.getByTestId('conference-date'), isoToVn(c.date));
  await fill(page, page.getByTestId('conference-start'), c.start);
  await fill(page, page.getByTestId('conference-location'), c.location, { telexWords: 2 });
  await fill(page, page.getByTestId('conference-planref'), c.planRef);
  for (const [i, chair] of c.chairs.entries()) {
    await page.getByTestId('add-chair').click();
    await fill(page, page.getByTestId('chair-name').nth(i), chair.name, { telexWords: Infinity });
    await fill(page, page.getByTestId('chair-position').nth(i), chair.position);
  }
  await fill(page, page.getByTestId('secretary-name'), c.secretary.name, { telexWords: Infinity });
  await fill(page, page.getByTestId('secretary-position'), c.secretary.position);
  for (const [i, guest] of c.guests.entries()) {
    await page.getByTestId('add-guest').click();
    await fill(page, page.getByTestId('guest-input').nth(i), guest);
  }
  if (c.attendeeCount !== null) await fill(page, page.getByTestId('attendee-count'), String(c.attendeeCount));
  await fill(page, page.getByTestId('conference-report'), c.report);
  await waitSaved(page);
}

/** Adds the registration list, one person at a time (name, Enter, then the details). */
export async function registerSpeakers(page: Page, speakers: SpeakerSpec[]): Promise<void> {
  for (const s of speakers) {
    const before = await page.getByTestId('registered-speaker').count();
    await page.getByTestId('new-speaker-name').click();
    await typeText(page, s.name, { telexWords: Infinity });
    await page.keyboard.press('Enter');
    await page.getByTestId('registered-speaker').nth(before).waitFor();
    await waitFocus(page, '[data-testid="registered-position"]');
    await typeText(page, s.position ?? '');
    await page.keyboard.press('Tab');
    await typeText(page, s.organization ?? '');
    await page.keyboard.press('Tab');
    await typeText(page, s.address ?? '', { telexWords: 1 });
  }
  await waitSaved(page);
}

/**
 * Types one concern whose field input has focus: folded field query + Enter, the text,
 * Alt+1..4 and what the handling needs.
 */
export async function typeConcern(page: Page, concern: Locator, c: ConcernSpec, options: TypeOptions = {}): Promise<void> {
  await waitFocus(page, '[data-testid="concern-field"]');
  // Without diacritics, as she types it: "quan ly dat dai" finds "Quản lý đất đai".
  await page.keyboard.type(fold(c.field));
  const wanted = c.field.normalize('NFC');
  for (let i = 0; i < 20; i++) {
    const active = await concern.locator('[data-testid="field-suggestions"] [aria-selected="true"]').textContent();
    if (active === wanted) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await waitFocus(page, '[data-testid="concern-text"]');
  await typeText(page, c.text, options);
  const digit = { answered: 1, assigned: 2, forwarded: 3, noted: 4 }[c.handling];
  await page.keyboard.press(`Alt+${digit}`);
  if (c.handling === 'answered') {
    await waitFocus(page, '[data-testid="answered-by"]');
    await typeText(page, c.answeredBy ?? '', options);
    await page.keyboard.press('Tab');
    await waitFocus(page, '[data-testid="answer-text"]');
    await typeText(page, c.answer ?? '', options);
  } else if (c.handling === 'assigned') {
    await waitFocus(page, '[data-testid="agency-input"]');
    await typeText(page, c.agency ?? '', options);
    await page.keyboard.press('Tab');
    await waitFocus(page, '[data-testid="deadline-input"]');
    if (c.deadline) await page.keyboard.type(isoToVn(c.deadline));
  } else {
    await concern.locator(`[data-testid="handling-${c.handling}"][aria-pressed="true"]`).waitFor();
  }
}

/** The Front's pre-collected concerns, on the preparation screen (F3 for each). */
export async function addPrecollected(page: Page, concerns: ConcernSpec[], options: TypeOptions = {}): Promise<void> {
  const list = page.locator('[data-precollected] [data-testid="concern-item"]');
  for (const c of concerns) {
    const before = await list.count();
    await page.keyboard.press('F3');
    await list.nth(before).waitFor();
    await typeConcern(page, list.nth(before), c, options);
  }
  await waitSaved(page);
}

export async function startConference(page: Page): Promise<void> {
  await page.getByTestId('start-conference').click();
  await page.getByTestId('live-screen').waitFor();
}

/**
 * One speaking turn on the live screen: F2, the speaker (Enter accepts the proposed
 * registered speaker; a new person is typed with Telex), then F3 per concern.
 */
export async function typeTurn(page: Page, turn: ScenarioFile['turns'][number], options: TypeOptions = {}): Promise<void> {
  const turns = page.getByTestId('turn-item');
  const before = await turns.count();
  await page.keyboard.press('F2');
  const item = turns.nth(before);
  await item.waitFor();
  const speakerInput = item.getByTestId('speaker-input');
  await waitFocus(page, '[data-testid="speaker-input"]');
  if (turn.speaker.registered) {
    const proposed = await speakerInput.inputValue();
    if (proposed !== turn.speaker.name.normalize('NFC')) {
      throw new Error(`expected the proposal "${turn.speaker.name}", the screen shows "${proposed}"`);
    }
    await page.keyboard.press('Enter');
  } else {
    await typeText(page, turn.speaker.name, { telexWords: Infinity });
    await page.keyboard.press('Enter');
    await waitFocus(page, '[data-testid="speaker-position"]');
    await typeText(page, turn.speaker.position ?? '');
    await page.keyboard.press('Tab');
    await typeText(page, turn.speaker.organization ?? '', options);
    await page.keyboard.press('Tab');
    await typeText(page, turn.speaker.address ?? '', options);
  }
  const concerns = item.getByTestId('concern-item');
  for (const [i, c] of turn.concerns.entries()) {
    await page.keyboard.press('F3');
    await concerns.nth(i).waitFor();
    await typeConcern(page, concerns.nth(i), c, options);
  }
}

/**
 * The chair's conclusion, then "Kết thúc hội nghị" and its confirmation. The dialog offers
 * the clock as end time; the test types a fixed one, since the clock at the hour the test
 * runs may be before the scenario's start, which is refused.
 */
export async function concludeAndClose(page: Page, conclusion: string, endTime = '23:50'): Promise<void> {
  await page.getByTestId('conclusion').click();
  await typeText(page, conclusion, { telexWords: 3 });
  await waitSaved(page);
  await page.getByTestId('close-conference').click();
  await page.getByTestId('close-end-time').fill(endTime);
  await page.getByTestId('confirm-close').click();
  await page.getByTestId('closed-banner').waitFor();
  await waitSaved(page);
}

export interface ScreenCounters {
  turns: number;
  concerns: number;
  answered: number;
  assigned: number;
  forwarded: number;
  noted: number;
}

export async function readCounters(page: Page): Promise<ScreenCounters> {
  const read = async (id: string) => Number(await page.getByTestId(id).textContent());
  return {
    turns: await read('counter-turns'),
    concerns: await read('counter-concerns'),
    answered: await read('counter-answered'),
    assigned: await read('counter-assigned'),
    forwarded: await read('counter-forwarded'),
    noted: await read('counter-noted'),
  };
}
