/**
 * Creating 10,000 concerns through the API (validation + service + one durable
 * transaction each) against a bare better-sqlite3 loop doing the same inserts with the
 * same pragmas and one transaction each: the ratio is the cost of our layers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openBackend } from '../../electron/backend';
import { openDatabase } from '../../electron/db/connection';
import { DEFAULT_FIELDS } from '../../shared/fields';
import { fold } from '../../shared/text';
import { call } from './generate';
import { line, ms } from './stats';

export function benchApiVsBare(count = 10_000): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-bench-'));
  try {
    const backend = openBackend({ dbPath: path.join(dir, 'api.sqlite'), host: 'test' });
    call(backend, 'unit.save', { name: 'Xã Thử', level: 'xã', parentName: 'Tỉnh Thử' });
    const conference = call<{ id: string }>(backend, 'conferences.create', { title: 'Thử tải', date: '2026-10-02' });
    const { turn } = call<{ turn: { id: string } }>(backend, 'turns.start', { conferenceId: conference.id, speaker: { name: 'Đại biểu' } });
    const text = (i: number) => `Nội dung kiến nghị số ${i}: đề nghị sửa chữa đường giao thông nông thôn.`;

    let start = performance.now();
    for (let i = 0; i < count; i++) {
      call(backend, 'concerns.add', {
        conferenceId: conference.id,
        turnId: turn.id,
        initial: { fieldId: DEFAULT_FIELDS[i % 14]!.id, text: text(i), handling: 'noted' },
      });
    }
    const apiMs = performance.now() - start;
    backend.close();

    const db = openDatabase(path.join(dir, 'bare.sqlite'));
    const now = new Date().toISOString();
    DEFAULT_FIELDS.forEach((f, i) =>
      db.prepare('INSERT INTO fields (id, name, name_folded, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(f.id, f.name, fold(f.name), i, now, now),
    );
    db.prepare(`INSERT INTO units (id, name, name_folded, level, created_at, updated_at) VALUES ('u', 'Xã', 'xa', 'xã', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO conferences (id, unit_id, title, kind, date, start_time, created_at, updated_at) VALUES ('c', 'u', 'T', 'periodic', '2026-10-02', '08:00', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO speakers (id, conference_id, created_at, updated_at) VALUES ('s', 'c', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO turns (id, conference_id, speaker_id, seq, started_at, created_at, updated_at) VALUES ('t', 'c', 's', 1, ?, ?, ?)`).run(now, now, now);
    const insert = db.prepare(
      `INSERT INTO concerns (id, conference_id, turn_id, source, seq, field_id, text, text_folded, handling, created_at, updated_at)
       VALUES (?, 'c', 't', 'turn', ?, ?, ?, ?, 'noted', ?, ?)`,
    );
    const once = db.transaction((i: number) => {
      const t = new Date().toISOString();
      insert.run(randomUUID(), i + 1, DEFAULT_FIELDS[i % 14]!.id, text(i), fold(text(i)), t, t);
    });
    start = performance.now();
    for (let i = 0; i < count; i++) once(i);
    const bareMs = performance.now() - start;
    db.close();

    console.log(`\n${count.toLocaleString('vi-VN')} nội dung, mỗi nội dung một giao dịch bền vững (synchronous=FULL):`);
    line('qua API (kiểm tra + dịch vụ + giao dịch)', ms(apiMs));
    line('vòng lặp better-sqlite3 trần', ms(bareMs));
    line('tỉ lệ API / trần', `${(apiMs / bareMs).toFixed(2)}×`);
    line('mỗi nội dung qua API', ms(apiMs / count));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
