/**
 * Issue 8: typing never picks the wrong thing. Vietnamese input methods (an IME composing
 * a word; Unikey rewriting with Backspace), the speaker box and field picker choosing
 * exactly what was meant, Alt+Delete instead of Ctrl+Delete, refused input kept and
 * marked, and the warning before leaving a screen. At 1366×768, the secretary's laptop.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import {
  ROOT,
  apiCall,
  launchBrowser,
  openApp,
  removeTempDir,
  reopen,
  startHost,
  tempDir,
  typeTelex,
  waitFocus,
  waitSaved,
  withDb,
  type AppPage,
  type Host,
} from './support';

let browser: Browser;
let host: Host;
let dir: string;
let app: AppPage;
let page: Page;
let cdp: CDPSession;
let conferenceId: string;

beforeAll(async () => {
  dir = tempDir();
  host = await startHost({ dbPath: `${dir}/doithoai.sqlite` });
  await apiCall(host, 'unit.save', { name: 'Xã Tân Lập', level: 'xã', parentName: 'Tỉnh Phú Thọ' });
  const conference = await apiCall(host, 'conferences.create', {
    title: 'Hội nghị đối thoại quý IV',
    date: '2026-10-02',
    chairs: [
      { name: 'Nguyễn Hữu Phước', position: 'Bí thư Đảng ủy xã' },
      { name: 'Trần Quốc Hưng', position: 'Phó Bí thư, Chủ tịch UBND xã' },
    ],
  });
  conferenceId = conference.id;
  for (const speaker of [
    { name: 'Trần Thị Bình', organization: 'Hội Liên hiệp Phụ nữ', address: 'Thôn Đông' },
    { name: 'Nguyễn Văn An', organization: 'Hội Nông dân', address: 'Thôn 3' },
    { name: 'Nguyễn Văn An', organization: 'Hội Cựu chiến binh', address: 'Thôn 5' },
  ]) {
    await apiCall(host, 'speakers.register', { conferenceId, speaker });
  }
  await apiCall(host, 'conferences.start', { id: conferenceId });
  browser = await launchBrowser();
  app = await openApp(browser, host.url);
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await reopen(page, host.url, { route: `/hoi-nghi/${conferenceId}/truc-tiep` });
  await page.getByTestId('live-screen').waitFor();
  cdp = await page.context().newCDPSession(page);
});

afterAll(async () => {
  await app?.context.close();
  await browser?.close();
  await host?.stop();
  if (dir) removeTempDir(dir);
});

/** The last turn on the screen, after F2 made a new one. */
async function newTurn() {
  const turns = page.getByTestId('turn-item');
  const before = await turns.count();
  await page.keyboard.press('F2');
  const item = turns.nth(before);
  await item.waitFor();
  await waitFocus(page, '[data-testid="speaker-input"]');
  return item;
}

/** An IME builds a word: the text shows underlined in the box, nothing is committed yet. */
async function compose(text: string) {
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
}

/** A key pressed while the composition is active (Chromium marks it isComposing). */
async function keyDuringComposition(key: string, code: string, keyCode: number, modifiers = 0) {
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code, windowsVirtualKeyCode: keyCode, modifiers });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode, modifiers });
}

function speakerNames(): string[] {
  return withDb(host.dbPath, (db) =>
    (db.prepare('SELECT name FROM speakers WHERE conference_id = ? AND deleted_at IS NULL ORDER BY rowid').all(conferenceId) as Array<{ name: string }>).map((r) => r.name),
  );
}

interface ConcernRow {
  id: string;
  field_id: string | null;
  text: string;
  handling: string | null;
  answered_by: string;
  deadline: string | null;
}

function concernRow(id: string): ConcernRow | undefined {
  return withDb(host.dbPath, (db) => db.prepare('SELECT id, field_id, text, handling, answered_by, deadline FROM concerns WHERE id = ? AND deleted_at IS NULL').get(id) as ConcernRow | undefined);
}

function fieldName(id: string | null): string | null {
  if (!id) return null;
  return withDb(host.dbPath, (db) => (db.prepare('SELECT name FROM fields WHERE id = ?').get(id) as { name: string }).name);
}

function turnSpeaker(turnId: string): { id: string; name: string; registration_order: number | null } {
  return withDb(
    host.dbPath,
    (db) =>
      db.prepare('SELECT s.id, s.name, s.registration_order FROM turns t JOIN speakers s ON s.id = t.speaker_id WHERE t.id = ?').get(turnId) as {
        id: string;
        name: string;
        registration_order: number | null;
      },
  );
}

/** A new concern (F3) in the turn, its field picker focused. */
async function newConcern(turn: ReturnType<Page['locator']>) {
  const concerns = turn.getByTestId('concern-item');
  const before = await concerns.count();
  await page.keyboard.press('F3');
  const item = concerns.nth(before);
  await item.waitFor();
  await waitFocus(page, '[data-testid="concern-field"]');
  return { item, id: (await item.getAttribute('data-concern-id'))! };
}

/**
 * A keydown as an IME delivers it on Windows while it composes: keyCode 229, isComposing.
 * Dispatched on the focused element, so the app's own handlers and the window's see it.
 */
async function composingKey(key: string, init: { altKey?: boolean; ctrlKey?: boolean; shiftKey?: boolean; code?: string } = {}) {
  await page.evaluate(
    ([key, init]) => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, code: init.code ?? key, keyCode: 229, isComposing: true, bubbles: true, cancelable: true, ...init }));
    },
    [key, init] as const,
  );
}

/** Every key the app acts on somewhere: none may act while an IME composes. */
const KEYS: Array<[string, { altKey?: boolean; ctrlKey?: boolean; shiftKey?: boolean; code?: string }]> = [
  ['Enter', {}],
  ['Tab', {}],
  ['ArrowDown', {}],
  ['ArrowUp', {}],
  ['Escape', {}],
  ['F2', {}],
  ['F3', {}],
  ['1', { altKey: true, code: 'Digit1' }],
  ['2', { altKey: true, code: 'Digit2' }],
  ['Delete', { altKey: true }],
  ['Delete', { ctrlKey: true }],
  ['Z', { ctrlKey: true, shiftKey: true, code: 'KeyZ' }],
];

async function screenCounts() {
  return {
    turns: await page.getByTestId('turn-item').count(),
    concerns: await page.getByTestId('concern-item').count(),
    pressed: await page.locator('[data-testid^="handling-"][aria-pressed="true"]').count(),
    options: await page.locator('[role="option"][aria-selected="true"]').count(),
  };
}

describe('a Vietnamese input method composing a word (B8)', () => {
  it('Enter while the IME composes "Nguyê" in the speaker box neither saves nor moves on', async () => {
    const turn = await newTurn();
    const input = turn.getByTestId('speaker-input');
    await page.keyboard.press('Control+A');
    await compose('Nguyê');
    await keyDuringComposition('Enter', 'Enter', 13);
    // Still in the speaker box, composing; the half-built word is no one's name.
    await page.waitForTimeout(150);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('speaker-input');
    await cdp.send('Input.insertText', { text: 'Nguyễn Thị Hoa' });
    expect(await input.inputValue()).toBe('Nguyễn Thị Hoa');
    await page.keyboard.press('Enter');
    await waitFocus(page, '[data-testid="speaker-position"]');
    await waitSaved(page);
    expect(speakerNames()).toContain('Nguyễn Thị Hoa');
    expect(speakerNames().some((n) => n.startsWith('Nguyê') && n !== 'Nguyễn Thị Hoa')).toBe(false);
  });

  it('no key acts while composing: speaker box, field picker, agency picker, text box and the shortcuts', async () => {
    const turn = page.getByTestId('turn-item').last();
    const { item: concern, id: concernId } = await newConcern(turn);
    await waitSaved(page);
    const boxes: Array<[string, string]> = [
      ['speaker-input', 'Nguyê'],
      ['concern-field', 'chính sá'],
      ['concern-text', 'Đường thôn Đô'],
    ];
    for (const [testId, partial] of boxes) {
      const box = testId === 'speaker-input' ? turn.getByTestId(testId) : concern.getByTestId(testId);
      await box.click();
      await page.keyboard.press('Control+A');
      await compose(partial);
      const before = await screenCounts();
      for (const [key, init] of KEYS) {
        await composingKey(key, init);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), `${testId} ${key}`).toBe(testId);
      }
      // What Chromium itself delivers during a composition (isComposing, the real key).
      await keyDuringComposition('Enter', 'Enter', 13);
      await keyDuringComposition('ArrowDown', 'ArrowDown', 40);
      await keyDuringComposition('Escape', 'Escape', 27);
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), testId).toBe(testId);
      expect(await screenCounts(), testId).toEqual(before);
      await cdp.send('Input.insertText', { text: '' });
      await page.keyboard.press('Escape');
    }
    await waitSaved(page);
    expect(concernRow(concernId)).toMatchObject({ field_id: null, handling: null });

    // The agency picker: composing "Phòng Tài" and pressing Enter picks no agency.
    await concern.getByTestId('concern-text').click();
    await page.keyboard.press('Alt+2');
    await waitFocus(page, '[data-testid="agency-input"]');
    await compose('Phòng Tà');
    for (const [key, init] of KEYS) await composingKey(key, init);
    await keyDuringComposition('Enter', 'Enter', 13);
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('agency-input');
    await cdp.send('Input.insertText', { text: 'Phòng Tài chính' });
    await page.keyboard.press('Enter');
    await waitSaved(page);
    const agency = withDb(host.dbPath, (db) => db.prepare('SELECT a.name FROM concerns c JOIN agencies a ON a.id = c.agency_id WHERE c.id = ?').get(concernId));
    expect(agency).toEqual({ name: 'Phòng Tài chính' });
  });

  it('types like Unikey on Windows (Backspace and the accented letter): suggestions, Enter and autosave get exactly the intended text', async () => {
    const turn = await newTurn();
    const turnId = (await turn.getAttribute('data-turn-id'))!;
    await page.keyboard.press('Control+A');
    // "Nguyễn": Nguye ⌫ ê n ⌫⌫ ễn — then " Văn Tùng" the same way.
    await page.keyboard.type('Nguye');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('ên');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('ễn');
    await page.keyboard.type(' Va');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('ăn');
    // The suggestions are for what is on screen: both registered "Nguyễn Văn An".
    await turn.getByTestId('speaker-suggestions').getByRole('option').nth(1).waitFor();
    const offered = await turn.getByTestId('speaker-suggestions').getByRole('option').allTextContents();
    expect(offered.filter((o) => o.startsWith('Nguyễn Văn An'))).toHaveLength(2);
    await page.keyboard.type(' Tu');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('ùng');
    expect(await turn.getByTestId('speaker-input').inputValue()).toBe('Nguyễn Văn Tùng');
    await page.keyboard.press('Enter');
    await waitFocus(page, '[data-testid="speaker-position"]');
    await waitSaved(page);
    expect(turnSpeaker(turnId).name).toBe('Nguyễn Văn Tùng');

    const { item: concern, id: concernId } = await newConcern(turn);
    await typeTelex(page, 'chính sách');
    await concern.getByTestId('field-suggestions').waitFor();
    expect(await concern.locator('[data-testid="field-suggestions"] [aria-selected="true"]').textContent()).toBe('Chính sách, an sinh xã hội');
    await page.keyboard.press('Enter');
    await waitFocus(page, '[data-testid="concern-text"]');
    await typeTelex(page, 'Đề nghị hỗ trợ hộ nghèo sửa nhà');
    await waitSaved(page);
    const row = concernRow(concernId)!;
    expect(fieldName(row.field_id)).toBe('Chính sách, an sinh xã hội');
    expect(row.text).toBe('Đề nghị hỗ trợ hộ nghèo sửa nhà');
    expect(await concern.getByTestId('concern-field').inputValue()).toBe('Chính sách, an sinh xã hội');
  });
});

describe('the typeaheads take exactly what was meant (B6, B7, C15)', () => {
  it('"chinh sach" + Enter takes "Chính sách, an sinh xã hội", and the box shows it', async () => {
    const turn = page.getByTestId('turn-item').last();
    const { item: concern, id } = await newConcern(turn);
    await page.keyboard.type('chinh sach');
    const options = await concern.getByTestId('field-suggestions').getByRole('option').allTextContents();
    expect(options.slice(0, 2)).toEqual(['Chính sách, an sinh xã hội', 'Tài chính, ngân sách, thuế']);
    await page.keyboard.press('Enter');
    await waitFocus(page, '[data-testid="concern-text"]');
    await waitSaved(page);
    expect(fieldName(concernRow(id)!.field_id)).toBe('Chính sách, an sinh xã hội');
    expect(await concern.getByTestId('concern-field').inputValue()).toBe('Chính sách, an sinh xã hội');
    expect(await concern.getByTestId('concern-field').isVisible()).toBe(true);
  });

  it('"tran thi binh" + Enter takes the one registered Trần Thị Bình, not a new unaccented person', async () => {
    const namesBefore = speakerNames();
    const turn = await newTurn();
    const turnId = (await turn.getAttribute('data-turn-id'))!;
    await page.keyboard.press('Control+A');
    await page.keyboard.type('tran thi binh');
    await page.keyboard.press('Enter');
    await waitFocus(page, '[data-testid="speaker-position"]');
    await waitSaved(page);
    expect(turnSpeaker(turnId)).toMatchObject({ name: 'Trần Thị Bình', registration_order: 1 });
    expect(await turn.getByTestId('speaker-input').inputValue()).toBe('Trần Thị Bình');
    expect(speakerNames()).toEqual(namesBefore);
  });

  it('a name two registered people share is not guessed: the list stays open to choose', async () => {
    const turn = await newTurn();
    const turnId = (await turn.getAttribute('data-turn-id'))!;
    await page.keyboard.press('Control+A');
    await page.keyboard.type('nguyen van an');
    await turn.getByTestId('speaker-suggestions').getByRole('option').nth(1).waitFor();
    await page.keyboard.press('Enter');
    await turn.getByRole('alert').filter({ hasText: 'Có 2 người cùng tên' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('speaker-input');
    const options = turn.getByTestId('speaker-suggestions').getByRole('option');
    const second = await options.nth(1).textContent();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    const chosen = turnSpeaker(turnId);
    expect(chosen.name).toBe('Nguyễn Văn An');
    expect(chosen.registration_order).not.toBeNull();
    expect(second).toContain(chosen.registration_order === 2 ? 'Hội Nông dân' : 'Hội Cựu chiến binh');
    // The registration sidebar tells the two apart.
    const details = await page.getByTestId('queue-detail').allTextContents();
    expect(details).toEqual(['Hội Nông dân, Thôn 3', 'Hội Cựu chiến binh, Thôn 5']);
  });

  it('a new name in lower case without diacritics is kept, with a visible warning', async () => {
    const turn = await newTurn();
    const turnId = (await turn.getAttribute('data-turn-id'))!;
    await page.keyboard.press('Control+A');
    await page.keyboard.type('le van tam');
    await page.keyboard.press('Enter');
    await waitFocus(page, '[data-testid="speaker-position"]');
    await expect.poll(() => turn.getByTestId('speaker-name-warning').textContent()).toMatch(/viết thường, không có dấu/);
    await waitSaved(page);
    expect(turnSpeaker(turnId)).toMatchObject({ name: 'le van tam', registration_order: null });
  });

  it('"Người trả lời" offers the chairs, keyboard first', async () => {
    const turn = page.getByTestId('turn-item').last();
    const { item: concern, id } = await newConcern(turn);
    await page.keyboard.press('Escape');
    await concern.getByTestId('concern-text').click();
    await page.keyboard.type('Xin ý kiến');
    await page.keyboard.press('Alt+1');
    await waitFocus(page, '[data-testid="answered-by"]');
    const chairs = concern.getByTestId('chair-suggestions').getByRole('option');
    expect(await chairs.allTextContents()).toEqual(['Nguyễn Hữu Phước – Bí thư Đảng ủy xã', 'Trần Quốc Hưng – Phó Bí thư, Chủ tịch UBND xã']);
    await page.keyboard.type('chu tich');
    expect(await chairs.allTextContents()).toEqual(['Trần Quốc Hưng – Phó Bí thư, Chủ tịch UBND xã']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    expect(concernRow(id)!.answered_by).toBe('Trần Quốc Hưng – Phó Bí thư, Chủ tịch UBND xã');
    // Typed text that is no chair stays as typed: Tab moves on without replacing it.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Trưởng Công an xã');
    await page.keyboard.press('Tab');
    await waitFocus(page, '[data-testid="answer-text"]');
    await waitSaved(page);
    expect(concernRow(id)!.answered_by).toBe('Trưởng Công an xã');
  });
});

describe('delete keys (C12)', () => {
  it('Ctrl+Delete in a text box deletes the next word; Alt+Delete deletes the matter', async () => {
    const turn = page.getByTestId('turn-item').last();
    const { item: concern, id } = await newConcern(turn);
    await page.keyboard.press('Escape');
    const text = concern.getByTestId('concern-text');
    await text.click();
    await page.keyboard.type('Sửa đường thôn Đông');
    for (let i = 0; i < 'Đông'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Delete');
    await waitSaved(page);
    expect(await page.locator(`[data-concern-id="${id}"]`).count()).toBe(1);
    expect((await text.inputValue()).trim()).toBe('Sửa đường thôn');
    expect(concernRow(id)).toBeDefined();
    expect(await concern.getByTestId('delete-concern').getAttribute('title')).toBe('Alt+Delete');
    expect(await page.getByTestId('shortcuts').textContent()).toContain('Alt+Delete');
    await text.click();
    await page.keyboard.press('Alt+Delete');
    await page.getByTestId('undo-toast').waitFor();
    await waitSaved(page);
    expect(await page.locator(`[data-concern-id="${id}"]`).count()).toBe(0);
    expect(concernRow(id)).toBeUndefined();
  });
});

describe('invalid input (C13)', () => {
  it('a value the backend refuses stays on screen, marked at its field in Vietnamese, and is not retried', async () => {
    const turn = page.getByTestId('turn-item').last();
    const { item: concern, id } = await newConcern(turn);
    await page.keyboard.press('Escape');
    await concern.getByTestId('concern-text').click();
    await page.keyboard.type('Đường hỏng');
    await waitSaved(page);
    let requests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/concerns.update')) requests += 1;
    });
    await page.keyboard.insertText('x'.repeat(20_000));
    const problem = concern.getByTestId('field-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/^Nội dung kiến nghị, phản ánh: Không được dài quá 20\.?000 ký tự/);
    expect(await concern.getByTestId('concern-text').getAttribute('aria-invalid')).toBe('true');
    const indicator = page.getByTestId('save-indicator');
    expect(await indicator.getAttribute('data-state')).toBe('error');
    expect(await indicator.textContent()).toContain('Chưa lưu: Nội dung kiến nghị, phản ánh');
    expect(await indicator.textContent()).not.toMatch(/đang thử lại|text:|patch/);
    expect(await page.getByTestId('save-retry').count()).toBe(0);
    const sent = requests;
    await page.waitForTimeout(1_500);
    expect(requests).toBe(sent); // no retry loop
    expect(concernRow(id)!.text).toBe('Đường hỏng');
    expect((await concern.getByTestId('concern-text').inputValue()).length).toBe('Đường hỏng'.length + 20_000);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'e2e-refused-field.png') });

    // Leaving the screen warns; staying goes back to the marked field.
    await page.getByTestId('nav-list').click();
    await page.getByTestId('leave-dialog').waitFor();
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'e2e-leave-dialog.png') });
    await page.getByTestId('leave-stay').click();
    await waitFocus(page, '[data-testid="concern-text"]');
    expect(await page.getByTestId('live-screen').count()).toBe(1);

    // Closing or reloading the page asks too (the browser's own question); she stays.
    const dialogs: string[] = [];
    page.once('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.evaluate(() => window.location.reload()).catch(() => undefined);
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(await concern.getByTestId('field-problem').count()).toBe(1);

    // Fixed at the field: saved, the mark goes, leaving is silent again.
    await concern.getByTestId('concern-text').fill('Đường hỏng nặng');
    await waitSaved(page);
    expect(concernRow(id)!.text).toBe('Đường hỏng nặng');
    expect(await concern.getByTestId('field-problem').count()).toBe(0);
  });

  it('a 201-character name is refused at the speaker box with its label, and the indicator names the box', async () => {
    const turn = await newTurn();
    const turnId = (await turn.getAttribute('data-turn-id'))!;
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Phạm Văn Khoa');
    await waitSaved(page);
    await page.keyboard.insertText('a'.repeat(188));
    const problem = turn.getByTestId('field-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('Người phát biểu: Không được dài quá 200 ký tự.');
    expect(await page.getByTestId('save-indicator').textContent()).toBe('Chưa lưu: Người phát biểu');
    expect(turnSpeaker(turnId).name).not.toHaveLength(201);
    await page.keyboard.press('Backspace');
    await waitSaved(page);
    expect(turnSpeaker(turnId).name).toHaveLength(200);
    expect(await problem.count()).toBe(0);
  });

  it('a deadline before the conference date is saved with a warning beside it', async () => {
    const turn = page.getByTestId('turn-item').last();
    const { item: concern, id } = await newConcern(turn);
    await page.keyboard.press('Escape');
    await concern.getByTestId('concern-text').click();
    await page.keyboard.type('Cấp giấy chứng nhận');
    await page.keyboard.press('Alt+2');
    await waitFocus(page, '[data-testid="agency-input"]');
    await page.keyboard.type('Phòng Kinh tế');
    await page.keyboard.press('Tab');
    await waitFocus(page, '[data-testid="deadline-input"]');
    await page.keyboard.type('30/09/2026');
    await concern.getByTestId('field-caution').waitFor();
    expect(await concern.getByTestId('field-caution').textContent()).toBe('Hạn giải quyết sớm hơn ngày hội nghị (02/10/2026): kiểm tra lại.');
    await waitSaved(page);
    expect(concernRow(id)!.deadline).toBe('2026-09-30');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30/10/2026');
    await waitSaved(page);
    expect(await concern.getByTestId('field-caution').count()).toBe(0);

    // A malformed date left in the box counts as unsaved input: leaving warns.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31/02/2026');
    await page.keyboard.press('Tab');
    await concern.getByTestId('field-problem').waitFor();
    await page.getByTestId('nav-list').click();
    await page.getByTestId('leave-dialog').waitFor();
    expect(await page.getByTestId('leave-dialog').textContent()).toContain('Hạn giải quyết');
    await page.getByTestId('leave-go').click();
    await page.getByTestId('list-screen').waitFor();
    expect(await page.getByTestId('save-indicator').getAttribute('data-state')).toBe('saved');
    expect(concernRow(id)!.deadline).toBe('2026-10-30');
  });
});
