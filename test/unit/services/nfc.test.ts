import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, makeTempDir, openTestBackend, type TempDir, type TestBackend } from '../support/temp-db';

const nfd = (s: string) => s.normalize('NFD');
const COMBINING = /[\u0300-\u036f]/;

/** Every string in every row of every table. */
function allStrings(dbPath: string): string[] {
  const out: string[] = [];
  for (const [table, rows] of Object.entries(dumpDatabase(dbPath))) {
    if (table === 'sqlite_master') continue;
    for (const row of rows) {
      if (row && typeof row === 'object') for (const v of Object.values(row)) if (typeof v === 'string') out.push(v);
    }
  }
  return out;
}

describe('text sent in NFD is stored NFC', () => {
  let tmp: TempDir;
  let b: TestBackend;
  beforeEach(() => {
    tmp = makeTempDir('doithoai-nfc-');
    b = openTestBackend(tmp);
  });
  afterEach(() => {
    b.close();
    tmp.cleanup();
  });

  it('in every table, byte for byte, as read by a separate raw connection', () => {
    const texts = {
      unit: 'Xã Tân Lập',
      parent: 'Tỉnh Hải Đông',
      title: 'Hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân',
      location: 'Hội trường Ủy ban nhân dân xã',
      chair: 'Nguyễn Văn Hưởng',
      chairPosition: 'Bí thư Đảng ủy',
      guest: 'Đại diện Ủy ban MTTQ tỉnh',
      speaker: 'Trần Thị Thủy',
      address: 'Thôn Đồng Tâm',
      summary: 'Phản ánh việc giải phóng mặt bằng ',
      concern: 'Đề nghị sớm chi trả tiền bồi thường giải phóng mặt bằng',
      agency: 'Phòng Tài nguyên và Môi trường',
      answeredBy: 'Chủ tịch UBND xã',
      field: 'Chuyển đổi số, khoa học công nghệ',
    };
    for (const value of Object.values(texts)) expect(nfd(value), value).not.toBe(value);

    b.call('unit.save', { name: nfd(texts.unit), level: 'xã', parentName: nfd(texts.parent), headerIssuerLine: nfd('ĐẢNG ỦY XÃ TÂN LẬP') });
    const conference = b.call('conferences.create', {
      title: nfd(texts.title),
      date: '2026-10-02',
      location: nfd(texts.location),
      chairs: [{ name: nfd(texts.chair), position: nfd(texts.chairPosition) }],
      guests: [nfd(texts.guest)],
      conclusion: nfd('Kết luận của đồng chí Bí thư'),
    });
    const speaker = b.call('speakers.register', { conferenceId: conference.id, speaker: { name: nfd(texts.speaker), address: nfd(texts.address) } });
    const { turn } = b.call('turns.start', { conferenceId: conference.id, speakerId: speaker.id });
    b.call('turns.update', { id: turn.id, patch: { summary: nfd(texts.summary) } });
    const field = b.call('fields.create', { name: nfd(texts.field) });
    const concern = b.call('concerns.add', {
      conferenceId: conference.id,
      turnId: turn.id,
      initial: { fieldId: field.id, text: nfd(texts.concern), handling: 'assigned', agencyName: nfd(texts.agency), answeredBy: nfd(texts.answeredBy) },
    });
    b.call('speakers.update', { id: speaker.id, patch: { organization: nfd('Hội Liên hiệp Phụ nữ') } });

    // What the API answers is NFC already.
    expect(concern.text).toBe(texts.concern);
    expect(concern.agencyName).toBe(texts.agency);

    // What SQLite holds, read without the app: the exact NFC bytes, and no combining mark anywhere.
    const raw = new Database(b.dbPath, { readonly: true });
    try {
      const hex = (sql: string, ...params: unknown[]) => (raw.prepare(sql).get(...params) as { h: string }).h;
      const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('hex').toUpperCase();
      expect(hex('SELECT hex(title) AS h FROM conferences WHERE id = ?', conference.id)).toBe(utf8(texts.title));
      expect(hex('SELECT hex(name) AS h FROM speakers WHERE id = ?', speaker.id)).toBe(utf8(texts.speaker));
      expect(hex('SELECT hex(summary) AS h FROM turns WHERE id = ?', turn.id)).toBe(utf8(texts.summary));
      expect(hex('SELECT hex(text) AS h FROM concerns WHERE id = ?', concern.id)).toBe(utf8(texts.concern));
      expect(hex('SELECT hex(name) AS h FROM agencies')).toBe(utf8(texts.agency));
      expect(hex('SELECT hex(name) AS h FROM fields WHERE id = ?', field.id)).toBe(utf8(texts.field));
      expect(hex(`SELECT hex(name) AS h FROM units WHERE name_folded = 'xa tan lap'`)).toBe(utf8(texts.unit));
      const chairs = JSON.parse((raw.prepare('SELECT chairs FROM conferences').get() as { chairs: string }).chairs) as Array<{ name: string }>;
      expect(chairs[0]!.name).toBe(texts.chair);
    } finally {
      raw.close();
    }
    const strings = allStrings(b.dbPath);
    expect(strings.length).toBeGreaterThan(50);
    for (const s of strings) {
      expect(s).toBe(s.normalize('NFC'));
      expect(s).not.toMatch(COMBINING);
    }
  });

  it('text is not trimmed: the secretary is mid-word when autosave fires', () => {
    b.call('unit.save', { name: 'Xã A', level: 'xã' });
    const conference = b.call('conferences.create', { title: 'T', date: '2026-10-02' });
    const { turn } = b.call('turns.start', { conferenceId: conference.id });
    const concern = b.call('concerns.add', { conferenceId: conference.id, turnId: turn.id, initial: { text: 'Đường ' } });
    expect(b.call('concerns.update', { id: concern.id, patch: { text: nfd('Đường  thôn ') } }).text).toBe('Đường  thôn ');
    expect(b.call('conferences.update', { id: conference.id, patch: { report: '  Báo cáo\n' } }).report).toBe('  Báo cáo\n');
    // Folded copies make NFD and NFC searches meet.
    const row = b.ctx.db.prepare('SELECT text_folded FROM concerns WHERE id = ?').get(concern.id);
    expect(row).toEqual({ text_folded: 'duong thon' });
  });

  it('an NFD search query finds NFC names and the other way round', () => {
    b.call('unit.save', { name: 'Xã A', level: 'xã' });
    const conference = b.call('conferences.create', { title: 'T', date: '2026-10-02' });
    const speaker = b.call('speakers.register', { conferenceId: conference.id, speaker: { name: nfd('Đặng Thị Hường') } });
    expect(b.call('speakers.suggest', { conferenceId: conference.id, query: nfd('Đặng Thị') }).map((s) => s.id)).toEqual([speaker.id]);
    expect(b.call('speakers.suggest', { conferenceId: conference.id, query: 'Hường' }).map((s) => s.id)).toEqual([speaker.id]);
  });
});
