/**
 * Each fixture scenario typed into the real UI, in Chromium, against the real browser
 * host: first-run setup, preparation, the whole conference at the keyboard (part of it
 * with Unikey Telex), conclusion and close. Then the page is reloaded and the counters,
 * and the database itself, must say exactly what the scenario expects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  SCENARIO_FILES,
  addPrecollected,
  concludeAndClose,
  createConference,
  launchBrowser,
  loadScenarioFile,
  openApp,
  prepareConference,
  readCounters,
  registerSpeakers,
  removeTempDir,
  screenshot,
  setupUnit,
  snapshot,
  startConference,
  startHost,
  tempDir,
  typeTurn,
  waitSaved,
  type Host,
} from './support';

const nfc = (s: string | undefined) => (s ?? '').normalize('NFC');

/**
 * The deadline the live screen fills in when a matter is assigned or forwarded without one
 * (issue 10): the conference date plus the default 30 days of Cài đặt. The scenarios type
 * the assigned matters' deadlines over it; a forwarded matter keeps it.
 */
function defaultDeadline(conferenceDate: string): string {
  const [y, m, d] = conferenceDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 30)).toISOString().slice(0, 10);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(SCENARIO_FILES)('kịch bản %s', (file) => {
  const scenario = loadScenarioFile(file);
  const name = file.replace(/\.json$/, '');
  let dir: string;
  let host: Host;

  beforeAll(async () => {
    dir = tempDir();
    host = await startHost({ dbPath: `${dir}/doithoai.sqlite` });
  });
  afterAll(async () => {
    await host?.stop();
    if (dir) removeTempDir(dir);
  });

  it('is typed through the UI and stored exactly', async () => {
    const { page, context, problems } = await openApp(browser, host.url);
    try {
      // The token left the visible address.
      expect(page.url()).not.toContain('token=');

      await setupUnit(page, scenario.unit);
      const conferenceId = await createConference(page);
      await prepareConference(page, scenario.conference);
      await registerSpeakers(page, scenario.registeredSpeakers);
      await addPrecollected(page, scenario.precollected);
      await startConference(page);

      for (const [i, turn] of scenario.turns.entries()) {
        // Every other turn's texts start with Telex typing; the rest is typed plainly.
        await typeTurn(page, turn, { telexWords: i % 2 === 0 ? 3 : 0 });
      }
      await waitSaved(page);
      await page.getByTestId('counter-turns').scrollIntoViewIfNeeded();
      await screenshot(page, `${name}-live`);
      await concludeAndClose(page, scenario.conference.conclusion);

      // After a reload the screen shows what the server has.
      await page.reload();
      await page.getByTestId('live-screen').waitFor();
      const e = scenario.expected;
      expect(await readCounters(page)).toEqual({
        turns: e.turns,
        concerns: e.concernsTotal,
        answered: e.byHandling.answered,
        assigned: e.byHandling.assigned,
        forwarded: e.byHandling.forwarded,
        noted: e.byHandling.noted,
      });

      // The database itself.
      const db = snapshot(host.dbPath, conferenceId);
      expect(db.counts).toEqual({
        turns: e.turns,
        concernsRaisedInTurns: e.concernsRaisedInTurns,
        concernsPrecollected: e.concernsPrecollected,
        concernsTotal: e.concernsTotal,
        byField: e.byField,
        byHandling: { ...{ answered: 0, assigned: 0, forwarded: 0, noted: 0 }, ...e.byHandling },
        speakersRegistered: e.speakersRegistered,
      });

      const c = scenario.conference;
      expect(db.unit).toMatchObject({ name: nfc(scenario.unit.name), level: scenario.unit.level, parentName: nfc(scenario.unit.parent) });
      expect(db.unit?.headerIssuerLine).toBe(`ĐẢNG ỦY ${nfc(scenario.unit.name).toLocaleUpperCase('vi')}`);
      expect(db.conference).toMatchObject({
        title: nfc(c.title),
        kind: c.kind,
        date: c.date,
        startTime: c.start,
        location: nfc(c.location),
        planRef: nfc(c.planRef),
        chairs: c.chairs.map((p) => ({ name: nfc(p.name), position: nfc(p.position) })),
        secretary: { name: nfc(c.secretary.name), position: nfc(c.secretary.position) },
        guests: c.guests.map(nfc),
        attendeeCount: c.attendeeCount,
        report: nfc(c.report),
        conclusion: nfc(c.conclusion),
        status: 'closed',
      });
      expect(db.conference.endTime).toMatch(/^\d{2}:\d{2}$/);

      expect(db.registered.map(({ name: n, position, organization, address }) => ({ name: n, position, organization, address }))).toEqual(
        scenario.registeredSpeakers.map((s) => ({ name: nfc(s.name), position: nfc(s.position), organization: nfc(s.organization), address: nfc(s.address) })),
      );

      expect(db.turns.map((t) => t.speaker.name)).toEqual(scenario.turns.map((t) => nfc(t.speaker.name)));
      for (const [i, t] of scenario.turns.entries()) {
        if (t.speaker.registered) continue;
        expect(db.turns[i]!.speaker).toMatchObject({
          position: nfc(t.speaker.position),
          organization: nfc(t.speaker.organization),
          address: nfc(t.speaker.address),
          registrationOrder: null,
        });
      }

      const expectedConcern = (k: (typeof scenario.precollected)[number]) => ({
        field: nfc(k.field),
        text: nfc(k.text),
        handling: k.handling,
        answeredBy: k.handling === 'answered' ? nfc(k.answeredBy) : '',
        answer: k.handling === 'answered' ? nfc(k.answer) : '',
        agency: k.handling === 'assigned' ? nfc(k.agency) : null,
        deadline:
          k.handling === 'assigned'
            ? (k.deadline ?? defaultDeadline(scenario.conference.date))
            : k.handling === 'forwarded'
              ? defaultDeadline(scenario.conference.date)
              : null,
      });
      const strip = (k: (typeof db.concerns)[number]) => ({
        field: k.field,
        text: k.text,
        handling: k.handling,
        answeredBy: k.answeredBy,
        answer: k.answer,
        agency: k.agency,
        deadline: k.deadline,
      });
      expect(db.concerns.filter((k) => k.source === 'precollected').map(strip)).toEqual(scenario.precollected.map(expectedConcern));
      expect(db.concerns.filter((k) => k.source === 'turn').map(strip)).toEqual(scenario.turns.flatMap((t) => t.concerns.map(expectedConcern)));
      expect(db.concerns.filter((k) => k.source === 'turn').map((k) => k.turnSeq)).toEqual(
        scenario.turns.flatMap((t, i) => t.concerns.map(() => db.turns[i]!.seq)),
      );

      // The list shows the conference with its counts.
      await page.getByTestId('nav-list').click();
      const row = page.getByTestId('conference-row').first();
      await row.waitFor();
      expect(await row.getByTestId('row-turns').textContent()).toBe(String(e.turns));
      expect(await row.getByTestId('row-concerns').textContent()).toBe(String(e.concernsTotal));
      await screenshot(page, `${name}-list`);

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
