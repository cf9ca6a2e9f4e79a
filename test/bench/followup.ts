/**
 * Follow-up at a province over five years (issue 10): 126 units × 10 conferences × 80
 * matters ≈ 100,000 matters with their histories, written with bare SQL (the rows as an
 * import would leave them, concerns.status worked out by the same rule). Then, through the
 * API (validation, the one transaction, the mapping): the Theo dõi list under the filters
 * the secretary uses, each beside a bare SQL query answering the same rows, and a status
 * change → durable (synchronous=FULL, so the commit is on disk when dispatch answers).
 * Figures and ratios only; nothing passes or fails on a timing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openServiceContext } from '../../electron/backend';
import type { ServiceContext } from '../../electron/services/context';
import { dispatch } from '../../electron/services/dispatch';
import { refreshConferenceStatuses, statusAsOfSql } from '../../electron/services/outcomes';
import type { ApiInput } from '../../shared/api/contract';
import type { FollowupItem } from '../../shared/api/types';
import type { Handling } from '../../shared/domain';
import { fold } from '../../shared/text';
import { line, ms, percentile } from './stats';

const UNITS = 126;
const CONFERENCES_PER_UNIT = 10;
const MATTERS = 80;
const TURNS = 40;
const AGENCIES = 24;
const RUNS = 40;
/** "Today" for the whole run: the last conferences are a few months old. */
const AS_OF = '2026-11-01';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A small deterministic generator: the same database every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** Writes the province's database with bare SQL in one transaction; answers the agency ids. */
export function buildProvince(ctx: ServiceContext): { agencyIds: string[]; provinceId: string } {
  const call = (method: string, input: unknown) => {
    const result = dispatch(ctx, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  call('unit.save', { name: 'Tỉnh Thử Nghiệm', level: 'tỉnh' });
  const fieldIds = (call('fields.list', {}) as Array<{ id: string }>).map((f) => f.id);
  const provinceId = (call('unit.get', {}) as { id: string }).id;
  const now = new Date().toISOString();
  const rnd = random(10);
  const agencyIds: string[] = [];
  const db = ctx.db;
  const insertUnit = db.prepare(`INSERT INTO units (id, name, name_folded, level, parent_id, created_at, updated_at) VALUES (?, ?, ?, 'phường', ?, ?, ?)`);
  const insertAgency = db.prepare('INSERT INTO agencies (id, name, name_folded, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertConference = db.prepare(
    `INSERT INTO conferences (id, unit_id, title, kind, date, start_time, status, revision, created_at, updated_at) VALUES (?, ?, ?, 'periodic', ?, '08:00', 'closed', 1, ?, ?)`,
  );
  const insertImported = db.prepare(
    `INSERT INTO imported_conferences (conference_id, unit_id, revision, package_sha256, exported_at, imported_at) VALUES (?, ?, 1, ?, ?, ?)`,
  );
  const insertSpeaker = db.prepare(`INSERT INTO speakers (id, conference_id, name, name_folded, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const insertTurn = db.prepare(`INSERT INTO turns (id, conference_id, speaker_id, seq, started_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertConcern = db.prepare(
    `INSERT INTO concerns (id, conference_id, turn_id, source, seq, field_id, text, text_folded, handling, agency_id, deadline, created_at, updated_at)
     VALUES (?, ?, ?, 'turn', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertChange = db.prepare(
    `INSERT INTO concern_status_changes (id, concern_id, status, changed_on, note, reported_by, reference_doc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let a = 0; a < AGENCIES; a++) {
      const id = randomUUID();
      const name = `Phòng chuyên môn số ${a + 1}`;
      insertAgency.run(id, name, fold(name), now, now);
      agencyIds.push(id);
    }
    for (let u = 0; u < UNITS; u++) {
      // The first is the province itself, whose own conferences it may update; the others
      // are its units, whose conferences came in packages (read-only here).
      const own = u === 0;
      const unitId = own ? provinceId : randomUUID();
      const unitName = own ? 'Tỉnh Thử Nghiệm' : `Phường Số ${u + 1}`;
      if (!own) insertUnit.run(unitId, unitName, fold(unitName), provinceId, now, now);
      for (let k = 0; k < CONFERENCES_PER_UNIT; k++) {
        // Two a year, 2022 to 2026: in June and in September.
        const date = `${2022 + Math.floor(k / 2)}-${k % 2 === 0 ? '06' : '09'}-${String(1 + ((u * 7) % 27)).padStart(2, '0')}`;
        const conferenceId = randomUUID();
        insertConference.run(conferenceId, unitId, `Hội nghị đối thoại ${unitName} lần ${k + 1}`, date, now, now);
        if (!own) insertImported.run(conferenceId, unitId, randomUUID().replace(/-/g, ''), now, now);
        const turnIds: string[] = [];
        for (let t = 0; t < TURNS; t++) {
          const speakerId = randomUUID();
          const speaker = `Nguyễn Văn Đại Biểu ${t + 1}`;
          insertSpeaker.run(speakerId, conferenceId, speaker, fold(speaker), now, now);
          const turnId = randomUUID();
          insertTurn.run(turnId, conferenceId, speakerId, t + 1, `${date}T08:${String(t % 60).padStart(2, '0')}:00.000Z`, now, now);
          turnIds.push(turnId);
        }
        for (let m = 0; m < MATTERS; m++) {
          const r = rnd();
          const handling: Handling = r < 0.35 ? 'answered' : r < 0.7 ? 'assigned' : r < 0.8 ? 'forwarded' : 'noted';
          const followed = handling === 'assigned' || handling === 'forwarded';
          const agencyId = followed ? agencyIds[Math.floor(rnd() * AGENCIES)]! : null;
          const deadline = followed ? addDays(date, 30) : null;
          const text = `Đề nghị giải quyết dứt điểm việc số ${m + 1} về ${['thoát nước', 'đường giao thông', 'đất đai', 'an ninh trật tự', 'môi trường'][m % 5]} của khu dân cư.`;
          const concernId = randomUUID();
          insertConcern.run(concernId, conferenceId, turnIds[m % TURNS]!, Math.floor(m / TURNS) + 1, fieldIds[m % fieldIds.length]!, text, fold(text), handling, agencyId, deadline, now, now);
          if (!followed) continue;
          // Most matters move: in progress after ten days, and most of those resolved within two months.
          const h = rnd();
          if (h < 0.8) insertChange.run(randomUUID(), concernId, 'inProgress', addDays(date, 10), 'Đang xử lý', 'UBND phường', '', now);
          if (h < 0.6) insertChange.run(randomUUID(), concernId, 'resolved', addDays(date, 25 + Math.floor(rnd() * 40)), 'Đã giải quyết', 'UBND phường', `Công văn số ${m + 1}/UBND`, now);
        }
        refreshConferenceStatuses(ctx, conferenceId);
      }
    }
  })();
  db.exec('ANALYZE');
  return { agencyIds, provinceId };
}

/** The same rows as followup.list for these filters, by a hand-written query with nothing around it. */
function bareQuery(ctx: ServiceContext, where: string, picked: string, past: boolean): (params: Record<string, unknown>) => unknown[] {
  // As the service does: from today on, the outcome kept in concerns.status; before, the history.
  const status = past ? statusAsOfSql('c') : 'c.status';
  const statement = ctx.db.prepare(`
    SELECT c.id, c.conference_id, k.title, k.date, k.unit_id, c.text, c.handling, c.agency_id, a.name AS agency, c.deadline, x.status, x.overdue
      FROM (SELECT c.id, ${status} AS status,
                   (c.deadline IS NOT NULL AND c.deadline < @asOf AND ${status} <> 'resolved') AS overdue
              FROM concerns c JOIN conferences k ON k.id = c.conference_id LEFT JOIN turns t ON t.id = c.turn_id
             WHERE c.deleted_at IS NULL AND k.deleted_at IS NULL AND (c.turn_id IS NULL OR t.deleted_at IS NULL) ${where}) x
      JOIN concerns c ON c.id = x.id JOIN conferences k ON k.id = c.conference_id LEFT JOIN agencies a ON a.id = c.agency_id
      LEFT JOIN turns t ON t.id = c.turn_id
     WHERE 1 ${picked}
     ORDER BY x.overdue DESC, c.deadline IS NULL, c.deadline, k.date, k.id, c.turn_id IS NOT NULL, t.seq, c.seq, c.id
     LIMIT @limit`);
  return (params) => statement.all(params);
}

function time(run: () => unknown, runs = RUNS): { p50: number; p95: number; rows: number } {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const answer = run();
    times.push(performance.now() - start);
    rows = Array.isArray(answer) ? answer.length : 0;
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), rows };
}

export function benchFollowup(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-bench-followup-'));
  const dbPath = path.join(dir, 'province.sqlite');
  let ctx = openServiceContext({ dbPath, host: 'test' });
  try {
    console.log(`\nTheo dõi: tỉnh ${UNITS} đơn vị × ${CONFERENCES_PER_UNIT} hội nghị × ${MATTERS} nội dung`);
    let start = performance.now();
    const { agencyIds, provinceId } = buildProvince(ctx);
    const built = performance.now() - start;
    const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
    line('nội dung / mục lịch sử (ghi bằng SQL trần)', `${count('SELECT COUNT(*) AS n FROM concerns')} / ${count('SELECT COUNT(*) AS n FROM concern_status_changes')}`);
    line('thời gian tạo dữ liệu', ms(built));
    ctx.db.close();
    // A fresh connection, as the app would open it: no statement prepared yet, caches cold.
    ctx = openServiceContext({ dbPath, host: 'test' });
    ctx.now = () => new Date(`${AS_OF}T10:00:00`);

    const cases: Array<{ label: string; input: ApiInput<'followup.list'>; where: string; picked: string; params: Record<string, unknown>; asOf?: string }> = [
      { label: 'mặc định (500 dòng đầu)', input: {}, where: '', picked: '', params: {} },
      { label: 'quá hạn', input: { overdue: true }, where: '', picked: 'AND x.overdue = 1', params: {} },
      { label: 'chưa/đang giải quyết, một cơ quan', input: { status: ['open', 'inProgress'], agencyId: agencyIds[3]! }, where: 'AND c.agency_id = @agencyId', picked: `AND x.status IN ('open', 'inProgress')`, params: { agencyId: agencyIds[3] } },
      { label: 'hội nghị năm 2026', input: { from: '2026-01-01', to: '2026-12-31' }, where: `AND k.date BETWEEN '2026-01-01' AND '2026-12-31'`, picked: '', params: {} },
      { label: 'tìm "thoat nuoc", chưa giải quyết', input: { query: 'thoat nuoc', status: ['open'] }, where: `AND c.text_folded LIKE '%thoat nuoc%'`, picked: `AND x.status = 'open'`, params: {} },
      { label: 'quá hạn, tính đến 31/12/2025 (lịch sử)', input: { overdue: true }, where: '', picked: 'AND x.overdue = 1', params: {}, asOf: '2025-12-31' },
    ];
    for (const c of cases) {
      const asOf = c.asOf ?? AS_OF;
      const api = () => {
        const result = dispatch(ctx, 'followup.list', { asOf, ...c.input });
        if (!result.ok) throw new Error(result.error.message);
        return result.value as FollowupItem[];
      };
      const bare = bareQuery(ctx, c.where, c.picked, asOf < AS_OF);
      const apiRows = api();
      const bareRows = bare({ asOf, limit: 500, ...c.params }) as Array<{ id: string }>;
      // The figure must measure the same rows, or it measures nothing.
      if (apiRows.map((r) => r.id).join() !== bareRows.map((r) => r.id).join()) throw new Error(`${c.label}: API and bare SQL answer different rows`);
      const a = time(api);
      const b = time(() => bare({ asOf, limit: 500, ...c.params }));
      line(`followup.list ${c.label}`, `p95 ${ms(a.p95)} (${a.rows} dòng)`, '< 50 ms');
      line('  SQL trần, cùng các dòng', `p95 ${ms(b.p95)}`);
      line('  tỉ lệ API / SQL trần (p95)', `${(a.p95 / b.p95).toFixed(2)}×`, '≤ 2×');
    }

    // A status change as the Theo dõi screen sends it: one matter, then a bulk of 20.
    const open = ctx.db.prepare(
      `SELECT c.id FROM concerns c JOIN conferences k ON k.id = c.conference_id WHERE k.unit_id = ? AND c.handling IN ('assigned', 'forwarded') LIMIT 400`,
    ).all(provinceId) as Array<{ id: string }>;
    const one: number[] = [];
    for (let i = 0; i < 100; i++) {
      start = performance.now();
      const result = dispatch(ctx, 'concerns.setStatus', { concernIds: [open[i]!.id], status: 'inProgress', date: AS_OF, note: `Lần ${i}` });
      one.push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message);
    }
    line('đổi kết quả 1 nội dung → bền (p99)', ms(percentile(one, 99)), '≤ 50 ms');
    const bulk: number[] = [];
    for (let i = 0; i < 10; i++) {
      start = performance.now();
      const result = dispatch(ctx, 'concerns.setStatus', { concernIds: open.slice(100 + i * 20, 120 + i * 20).map((r) => r.id), status: 'resolved', date: AS_OF });
      bulk.push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message);
    }
    line('đổi kết quả 20 nội dung cùng lúc (p99)', ms(percentile(bulk, 99)));
    // What the disk costs alone: one row written and committed durably, nothing of ours around it.
    const bareWrite = ctx.db.prepare(`INSERT INTO concern_status_changes (id, concern_id, status, changed_on, created_at) VALUES (?, ?, 'inProgress', ?, ?)`);
    const disk: number[] = [];
    for (let i = 0; i < 100; i++) {
      start = performance.now();
      ctx.db.transaction(() => bareWrite.run(randomUUID(), open[i]!.id, AS_OF, new Date().toISOString()))();
      disk.push(performance.now() - start);
    }
    line('  SQL trần: 1 dòng ghi bền (p99)', ms(percentile(disk, 99)));
  } finally {
    ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
