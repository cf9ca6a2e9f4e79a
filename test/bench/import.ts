/**
 * The parent unit imports 30 packages of 50 matters each (the real path: ZIP read, hashes,
 * signature, schema, one durable transaction per file) against a bare better-sqlite3 insert
 * of the same rows into the same schema with the same pragmas, one transaction per package.
 * The ratio is the cost of checking a package and of our layers. Each run uses fresh
 * databases; the median and the slowest are printed, and what the import wrote is counted
 * so that the figure cannot silently measure nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { openBackend } from '../../electron/backend';
import { openDatabase, type Db } from '../../electron/db/connection';
import { createBackgroundWorker } from '../../electron/worker/client';
import type { PackageChecker } from '../../electron/services/package-checker';
import { exportConference } from '../../electron/services/package-export';
import { importPackages, type PackageFile } from '../../electron/services/package-import';
import { fingerprint } from '../../electron/package/keys';
import { checkPackage, type CheckedPackage } from '../../electron/package/verify';
import type { ServiceContext } from '../../electron/services/context';
import { dispatch, dispatchAsync } from '../../electron/services/dispatch';
import { openServiceContext } from '../../electron/backend';
import type { ImportResult, PackageFileInput } from '../../shared/api/types';
import { DEFAULT_FIELDS } from '../../shared/fields';
import { fold } from '../../shared/text';
import { call, generateConference } from './generate';
import { line, ms, percentile } from './stats';

const PARENT = { name: 'Tỉnh Thử Nghiệm', level: 'tỉnh' } as const;

/** Tables the import writes, counted in both databases: the bare insert must write the same rows. */
const TABLES = ['units', 'unit_keys', 'fields', 'agencies', 'conferences', 'speakers', 'turns', 'concerns', 'concern_status_changes',
  'imported_conferences', 'package_imports'] as const;

function counts(db: Db): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

/** 30 child databases, each its own unit with one conference, exported as in the app (documents included). */
async function makePackages(dir: string, packages: number, turns: number, concernsPerTurn: number): Promise<PackageFile[]> {
  const files: PackageFile[] = [];
  for (let i = 1; i <= packages; i++) {
    const dbPath = path.join(dir, `con-${i}.sqlite`);
    const backend = openBackend({ dbPath, host: 'test' });
    call(backend, 'unit.save', { name: `Phường Số ${i}`, level: 'phường', parentName: PARENT.name });
    const conferenceId = generateConference(backend, turns, concernsPerTurn);
    backend.close();
    const ctx = openServiceContext({ dbPath, host: 'test' });
    try {
      const built = await exportConference(ctx, conferenceId);
      files.push({ name: built.fileName, bytes: built.bytes });
    } finally {
      ctx.db.close();
    }
  }
  return files;
}

/** As base64, the way the renderer sends a file: encoded before the timing starts. */
const encoded = new WeakMap<PackageFile, PackageFileInput>();
function asInput(file: PackageFile): PackageFileInput {
  let input = encoded.get(file);
  if (!input) {
    input = { name: file.name, base64: file.bytes.toString('base64') };
    encoded.set(file, input);
  }
  return input;
}

/**
 * The app's way: one `packages.import` request per file through the API (validation,
 * base64, the worker's check, one transaction), two in flight as the renderer sends them.
 */
async function importThroughApi(ctx: ServiceContext, files: PackageFile[]): Promise<ImportResult[]> {
  const inputs = files.map(asInput);
  const results: ImportResult[] = [];
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const i = next++;
      const answer = await dispatchAsync(ctx, 'packages.import', { files: [inputs[i]!] });
      if (!answer.ok) throw new Error(answer.error.message);
      results[i] = (answer.value as ImportResult[])[0]!;
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

/** Timed: importPackages into a fresh parent database. Returns the time and the row counts. */
async function runImport(
  dbPath: string,
  files: PackageFile[],
  matters: number,
  checker?: PackageChecker,
): Promise<{ ms: number; inTransactions: number; counts: Record<string, number> }> {
  const ctx = openServiceContext({ dbPath, host: 'test' });
  // The app's hosts check packages in their background worker; the command line in its own thread.
  if (checker) ctx.packageChecker = checker;
  try {
    const saved = dispatch(ctx, 'unit.save', { name: PARENT.name, level: PARENT.level });
    if (!saved.ok) throw new Error(`unit.save: ${saved.error.message}`);
    // Where the time goes, from the real run: importPackages checks each file outside any
    // transaction, then writes it in one; the time inside the transactions (COMMIT included)
    // is summed here (outermost only). Two clock reads per file, nothing else changes.
    const transaction = ctx.db.transaction.bind(ctx.db);
    let inTransactions = 0;
    ctx.db.transaction = ((fn: (...args: never[]) => unknown) => {
      const run = transaction(fn);
      return (...args: never[]) => {
        if (ctx.db.inTransaction) return run(...args);
        const start = performance.now();
        try {
          return run(...args);
        } finally {
          inTransactions += performance.now() - start;
        }
      };
    }) as unknown as typeof ctx.db.transaction;
    const errors: unknown[] = [];
    ctx.log = (e) => errors.push(e);
    const start = performance.now();
    const results = checker ? await importThroughApi(ctx, files) : await importPackages(ctx, files);
    const elapsed = performance.now() - start;

    const notImported = results.filter((r) => r.outcome !== 'imported');
    if (results.length !== files.length || notImported.length > 0) {
      throw new Error(`Nhập gói không trọn vẹn: ${notImported.map((r) => `${r.file}: ${r.message}`).join('; ')} ${errors.map(String).join('; ')}`);
    }
    const imported = ctx.db
      .prepare(
        `SELECT COUNT(*) AS conferences, (SELECT COUNT(*) FROM concerns k JOIN imported_conferences i ON i.conference_id = k.conference_id) AS matters
         FROM imported_conferences`,
      )
      .get() as { conferences: number; matters: number };
    if (imported.conferences !== files.length || imported.matters !== matters) {
      throw new Error(`Nhập được ${imported.conferences} hội nghị, ${imported.matters} nội dung; cần ${files.length} và ${matters}.`);
    }
    return { ms: elapsed, inTransactions, counts: counts(ctx.db) };
  } finally {
    ctx.db.close();
  }
}

/**
 * Timed: the same rows as the import writes, from the already-checked packages, with plain
 * prepared INSERTs in dependency order, one transaction per package. Fields and agencies are
 * matched by name as the import does (the parent has the default fields; the first package
 * adds the agency).
 */
function runBare(dbPath: string, checked: CheckedPackage[]): { ms: number; counts: Record<string, number> } {
  const db = openDatabase(dbPath);
  try {
    const now = new Date().toISOString();
    const fieldIds = new Map<string, string>();
    const seed = db.prepare('INSERT INTO fields (id, name, name_folded, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    DEFAULT_FIELDS.forEach((f, i) => {
      seed.run(f.id, f.name, fold(f.name), i + 1, now, now);
      fieldIds.set(fold(f.name), f.id);
    });
    const ownId = randomUUID();
    db.prepare('INSERT INTO units (id, name, name_folded, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(ownId, PARENT.name, fold(PARENT.name), PARENT.level, now, now);

    const start = performance.now();
    const unit = db.prepare('INSERT INTO units (id, name, name_folded, level, code, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const key = db.prepare('INSERT INTO unit_keys (unit_id, public_key, fingerprint, accepted_at) VALUES (?, ?, ?, ?)');
    const agency = db.prepare('INSERT INTO agencies (id, name, name_folded, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const conference = db.prepare(
      `INSERT INTO conferences (id, unit_id, title, kind, date, start_time, end_time, location, plan_ref, chairs, secretary, guests, attendee_count,
         attendance_note, report, conclusion, status, revision, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const speaker = db.prepare(
      `INSERT INTO speakers (id, conference_id, name, name_folded, position, organization, address, registration_order, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const turn = db.prepare(
      `INSERT INTO turns (id, conference_id, speaker_id, seq, started_at, summary, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const concern = db.prepare(
      `INSERT INTO concerns (id, conference_id, turn_id, source, seq, field_id, text, text_folded, handling, answered_by, answer, agency_id, deadline,
         status, note, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const statusChange = db.prepare(
      'INSERT INTO concern_status_changes (id, concern_id, status, changed_on, note, reference_doc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const origin = db.prepare(
      'INSERT INTO imported_conferences (conference_id, unit_id, revision, package_sha256, exported_at, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const log = db.prepare(
      `INSERT INTO package_imports (id, imported_at, file_name, package_sha256, unit_id, conference_id, revision, outcome, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'imported', ?)`,
    );
    const agencyIds = new Map<string, string>();

    const one = db.transaction((p: CheckedPackage) => {
      const t = new Date().toISOString();
      const { manifest: m, data } = p;
      const c = data.conference;
      unit.run(m.unit.id, m.unit.name, fold(m.unit.name), m.unit.level, m.unit.code, ownId, t, t);
      key.run(m.unit.id, p.publicKey, fingerprint(p.publicKey), t);
      const localAgency = new Map<string, string>();
      for (const a of data.agencies) {
        const folded = fold(a.name);
        let id = agencyIds.get(folded);
        if (!id) {
          agency.run(a.id, a.name, folded, t, t);
          agencyIds.set(folded, (id = a.id));
        }
        localAgency.set(a.id, id);
      }
      const localField = new Map(data.fields.map((f) => [f.id, fieldIds.get(fold(f.name))!]));
      conference.run(c.id, c.unitId, c.title, c.kind, c.date, c.startTime, c.endTime, c.location, c.planRef, JSON.stringify(c.chairs),
        JSON.stringify(c.secretary), JSON.stringify(c.guests), c.attendeeCount, c.attendanceNote, c.report, c.conclusion, c.status, c.revision,
        c.createdAt, c.updatedAt, c.deletedAt);
      for (const s of data.speakers) {
        speaker.run(s.id, c.id, s.name, fold(s.name), s.position, s.organization, s.address, s.registrationOrder, s.createdAt, s.updatedAt, s.deletedAt);
      }
      for (const r of data.turns) turn.run(r.id, c.id, r.speakerId, r.seq, r.startedAt, r.summary, r.createdAt, r.updatedAt, r.deletedAt);
      for (const k of data.concerns) {
        concern.run(k.id, c.id, k.turnId, k.source, k.seq, k.fieldId === null ? null : localField.get(k.fieldId), k.text, fold(k.text), k.handling,
          k.answeredBy, k.answer, k.agencyId === null ? null : localAgency.get(k.agencyId), k.deadline, k.status, k.note, k.createdAt, k.updatedAt,
          k.deletedAt);
      }
      for (const h of data.statusChanges) statusChange.run(h.id, h.concernId, h.status, h.changedOn, h.note, h.referenceDoc, h.createdAt);
      origin.run(c.id, m.unit.id, m.conference.revision, p.sha256, m.exportedAt, t);
      log.run(randomUUID(), t, `${m.unit.name}.doithoai`, p.sha256, m.unit.id, c.id, m.conference.revision, `Đã nhập hội nghị "${c.title}"`);
    });
    for (const p of checked) one(p);
    const elapsed = performance.now() - start;
    return { ms: elapsed, counts: counts(db) };
  } finally {
    db.close();
  }
}

export async function benchImport(packages = 30, turns = 25, concernsPerTurn = 2, runs = 9): Promise<void> {
  const matters = packages * turns * concernsPerTurn;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doithoai-bench-import-'));
  try {
    const files = await makePackages(dir, packages, turns, concernsPerTurn);
    const checked = await Promise.all(files.map((f) => checkPackage(f.bytes)));
    const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);

    // The hosts start their worker once; its start-up is printed, not counted in each import.
    const worker = createBackgroundWorker(() => {}, fileURLToPath(new URL('../../electron/worker/client.ts', import.meta.url)));
    const startedAt = performance.now();
    await worker.check(files[0]!.bytes);
    const workerStartMs = performance.now() - startedAt;
    if (!worker.running()) throw new Error('Luồng nền không khởi động được: phép đo sẽ không giống ứng dụng.');

    const importTimes: number[] = [];
    const cliTimes: number[] = [];
    const bareTimes: number[] = [];
    const checkTimes: number[] = [];
    const writeTimes: number[] = [];
    const ratios: number[] = [];
    const cliRatios: number[] = [];
    try {
      for (let run = 0; run < runs; run++) {
        const imported = await runImport(path.join(dir, `cha-${run}.sqlite`), files, matters, worker);
        const cli = await runImport(path.join(dir, `cli-${run}.sqlite`), files, matters);
        const bare = runBare(path.join(dir, `tran-${run}.sqlite`), checked);
        for (const t of TABLES) {
          if (imported.counts[t] !== bare.counts[t] || cli.counts[t] !== bare.counts[t]) {
            throw new Error(`Bảng ${t}: nhập ghi ${imported.counts[t]}/${cli.counts[t]} dòng, chèn trần ghi ${bare.counts[t]}: các bên phải ghi cùng các dòng.`);
          }
        }
        writeTimes.push(imported.inTransactions);
        checkTimes.push(imported.ms - imported.inTransactions);
        importTimes.push(imported.ms);
        cliTimes.push(cli.ms);
        bareTimes.push(bare.ms);
        ratios.push(imported.ms / bare.ms);
        cliRatios.push(cli.ms / bare.ms);
      }
    } finally {
      await worker.close();
    }

    const importMs = percentile(importTimes, 50);
    const bareMs = percentile(bareTimes, 50);
    const checkMs = percentile(checkTimes, 50);
    const writeMs = percentile(writeTimes, 50);
    const writeRatio = percentile(writeTimes.map((w, i) => w / bareTimes[i]!), 50);
    const ratio = percentile(ratios, 50);
    const rows = checked[0] ? `${checked[0].data.speakers.length} đại biểu, ${checked[0].data.turns.length} lượt, ${checked[0].data.statusChanges.length} thay đổi trạng thái` : '';
    console.log(
      `\nNhập ${packages} gói × ${turns * concernsPerTurn} nội dung (${matters.toLocaleString('vi-VN')} nội dung, ${Math.round(bytes / 1024)} KB; ` +
        `mỗi gói ${rows}), mỗi gói một giao dịch bền vững (synchronous=FULL); ${runs} lần, CSDL mới mỗi lần (trung vị, chậm nhất):`,
    );
    line(`nhập ${packages} gói qua API như ứng dụng (từng tệp, 2 yêu cầu song song)`, `${ms(importMs)}, ${ms(Math.max(...importTimes))}`, '< 3 s');
    line('mỗi gói', ms(importMs / packages));
    line('chèn trần better-sqlite3 cùng các dòng', `${ms(bareMs)}, ${ms(Math.max(...bareTimes))}`);
    line('tỉ lệ nhập / trần', `${ratio.toFixed(2)}×`, '≤ 2×');
    line('  chờ kiểm tra gói, ngoài giao dịch (ZIP, băm, ký)', ms(checkMs));
    line('  ghi, trong giao dịch (kể cả COMMIT)', ms(writeMs));
    line('  tỉ lệ phần ghi / trần', `${writeRatio.toFixed(2)}×`);
    line('  khởi động luồng nền (một lần, khi mở ứng dụng)', ms(workerStartMs));
    const cliMs = percentile(cliTimes, 50);
    line(`nhập ${packages} gói bằng dòng lệnh (kiểm tra cùng luồng)`, `${ms(cliMs)}, ${ms(Math.max(...cliTimes))}`);
    line('  tỉ lệ dòng lệnh / trần', `${percentile(cliRatios, 50).toFixed(2)}×`);
    line('mục tiêu < 3 s', importMs < 3000 ? 'đạt' : 'chưa đạt');
    line('mục tiêu ≤ 2× chèn trần', ratio <= 2 ? 'đạt' : 'chưa đạt');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
