/**
 * Imports packages at the parent unit. Each file is checked completely (package/verify.ts,
 * in the worker in the app) before anything is written, then applied in one transaction;
 * a refused file writes nothing and the other files go on.
 */
import { fold } from '../../shared/text';
import type { DocUnit } from '../documents/model';
import { PackageError, type PackageProblem } from '../package/errors';
import { fingerprint } from '../package/keys';
import type { DocumentEntry } from '../package/model';
import type { CheckedPackage } from '../package/verify';
import { handAddedNamed, moveInto } from './child-units';
import { stamp, type ServiceContext } from './context';
import { forgetConferenceDocuments, keepImportedSettings } from './document-settings';
import { countsOf, readConferenceData, writeConferenceData, type DataCounts } from './package-data';
import { importResponseFile } from './responses';
import { pinKey, pinnedKey } from './unit-keys';
import { refreshConferenceStatuses } from './outcomes';
import { ownUnitId } from './units';

export interface PackageFile {
  /** Shown in the summary and kept in the import log. */
  name: string;
  bytes: Buffer;
}

export type ImportOutcome = 'imported' | 'replaced' | 'unchanged' | 'older' | 'refused';

export interface ImportSummary {
  file: string;
  outcome: ImportOutcome;
  /** One Vietnamese sentence for the officer. */
  message: string;
  problem?: PackageProblem | 'internal';
  unitId?: string;
  unitName?: string;
  conferenceId?: string;
  revision?: number;
  before?: DataCounts;
  after?: DataCounts;
}

/** Files checked ahead of the one being written (one more is being checked as it is written). */
const CHECK_AHEAD = 2;

export async function importPackages(ctx: ServiceContext, files: PackageFile[], log: (error: unknown) => void = ctx.log ?? (() => {})): Promise<ImportSummary[]> {
  const results: ImportSummary[] = [];
  // The next files are checked while this one is written: in the hosts by the background
  // worker on another core, here in the pauses of the ZIP reader. Writing stays in file order.
  const checker = ctx.packageChecker;
  const checks: Array<Promise<CheckedPackage>> = [];
  const startCheck = (i: number) => {
    if (i < files.length) {
      const check = checker.check(files[i]!.bytes);
      check.catch(() => undefined); // Handled when its turn comes.
      checks[i] = check;
    }
  };
  for (let i = 0; i < Math.min(CHECK_AHEAD, files.length); i++) startCheck(i);
  for (const [i, file] of files.entries()) {
    startCheck(i + CHECK_AHEAD);
    try {
      const check = checks[i]!;
      // Let a written package go: memory holds the files checked ahead, not the whole batch.
      delete checks[i];
      const checked = await check;
      results.push(ctx.db.transaction(() => applyPackage(ctx, checked, file.name))());
    } catch (error) {
      // A response file from the level above shares the container: it is read and applied on its own.
      if (error instanceof PackageError && error.problem === 'response') {
        results.push(
          await importResponseFile(ctx, file).catch((unexpected: unknown) => {
            log(unexpected);
            return { file: file.name, outcome: 'refused' as const, problem: 'internal' as const, message: 'Không nhập được tệp trả lời do lỗi không mong đợi; dữ liệu không thay đổi.' };
          }),
        );
        continue;
      }
      if (error instanceof PackageError) {
        results.push({ file: file.name, outcome: 'refused', problem: error.problem, message: error.message });
      } else {
        log(error);
        results.push({ file: file.name, outcome: 'refused', problem: 'internal', message: 'Không nhập được gói do lỗi không mong đợi; dữ liệu không thay đổi.' });
      }
    }
  }
  return results;
}

/** What importing would do, from the database's point of view; writes nothing. */
export function keyStatus(ctx: ServiceContext, checked: CheckedPackage): 'own' | 'new' | 'pinned' | 'changed' {
  if (checked.manifest.unit.id === ownUnitId(ctx)) return 'own';
  const pinned = pinnedKey(ctx, checked.manifest.unit.id);
  if (!pinned) return 'new';
  return pinned.publicKey.equals(checked.publicKey) ? 'pinned' : 'changed';
}

export function revisionStatus(ctx: ServiceContext, checked: CheckedPackage): 'new' | 'same' | 'older' | 'newer' {
  const previous = ctx.sql('SELECT revision FROM imported_conferences WHERE conference_id = ?').get(checked.manifest.conference.id) as
    | { revision: number }
    | undefined;
  if (!previous) return 'new';
  const revision = checked.manifest.conference.revision;
  return revision === previous.revision ? 'same' : revision < previous.revision ? 'older' : 'newer';
}

/** Refusals that depend on the database: own unit, key change, ids of another unit. */
export function checkAgainstDatabase(ctx: ServiceContext, checked: CheckedPackage): void {
  const { manifest, data } = checked;
  const unitName = manifest.unit.name;
  const status = keyStatus(ctx, checked);
  if (status === 'own') throw new PackageError('own_unit', `Gói này là của chính đơn vị ${unitName}, không nhập vào đây.`);
  if (status === 'changed') {
    const old = pinnedKey(ctx, manifest.unit.id)!;
    throw new PackageError(
      'key_changed',
      `Gói của ${unitName} được ký bằng khóa khác với khóa đã ghi nhận (vân tay đã ghi nhận ${old.fingerprint}, vân tay trong gói ${fingerprint(checked.publicKey)}). ` +
        'Hãy gọi điện xác nhận với đơn vị rồi chấp nhận khóa mới trước khi nhập.',
    );
  }
  const conference = ctx.sql('SELECT unit_id FROM conferences WHERE id = ?').get(data.conference.id) as { unit_id: string } | undefined;
  if (conference && conference.unit_id !== manifest.unit.id) {
    throw new PackageError('foreign', `Hội nghị trong gói đã có ở đây nhưng thuộc đơn vị khác, ${unitName} không được ghi đè. Không nhập.`);
  }
  // One query for every row id the package brings: any of them already here under another conference is refused.
  const foreign = ctx.sql(
    `SELECT 1 FROM speakers WHERE id IN (SELECT value FROM json_each(@speakers)) AND conference_id <> @conference
     UNION ALL SELECT 1 FROM turns WHERE id IN (SELECT value FROM json_each(@turns)) AND conference_id <> @conference
     UNION ALL SELECT 1 FROM concerns WHERE id IN (SELECT value FROM json_each(@concerns)) AND conference_id <> @conference
     UNION ALL SELECT 1 FROM concern_status_changes h JOIN concerns c ON c.id = h.concern_id
       WHERE h.id IN (SELECT value FROM json_each(@changes)) AND c.conference_id <> @conference
     LIMIT 1`,
  );
  const ids = (rows: Array<{ id: string }>) => JSON.stringify(rows.map((r) => r.id));
  if (
    foreign.get({
      conference: data.conference.id,
      speakers: ids(data.speakers),
      turns: ids(data.turns),
      concerns: ids(data.concerns),
      changes: ids(data.statusChanges),
    })
  ) {
    throw new PackageError('foreign', `Gói của ${unitName} chứa mã dữ liệu thuộc hội nghị hoặc đơn vị khác. Không nhập.`);
  }
}

function applyPackage(ctx: ServiceContext, checked: CheckedPackage, fileName: string): ImportSummary {
  checkAgainstDatabase(ctx, checked);
  const { manifest, data } = checked;
  const unitId = manifest.unit.id;
  const conferenceId = manifest.conference.id;
  const revision = manifest.conference.revision;
  const base = { file: fileName, unitId, unitName: manifest.unit.name, conferenceId, revision };
  const status = revisionStatus(ctx, checked);

  if (status === 'same' || status === 'older') {
    const outcome = status === 'same' ? 'unchanged' : 'older';
    const message =
      status === 'same'
        ? `Hội nghị "${manifest.conference.title}" của ${manifest.unit.name}, lần gửi ${revision}: đã nhập trước đó, không có gì thay đổi.`
        : `Hội nghị "${manifest.conference.title}" của ${manifest.unit.name}, lần gửi ${revision}: cũ hơn bản đã nhập, bỏ qua.`;
    logImport(ctx, checked, fileName, outcome, message);
    return { ...base, outcome, message };
  }

  const existed = ctx.sql('SELECT 1 FROM conferences WHERE id = ?').get(conferenceId) !== undefined;
  const before = countsOf(existed ? readConferenceData(ctx, conferenceId) : null);
  ensureUnit(ctx, manifest);
  if (!pinnedKey(ctx, unitId)) pinKey(ctx, unitId, checked.publicKey);
  ctx.sql('DELETE FROM imported_conferences WHERE conference_id = ?').run(conferenceId);
  forgetConferenceDocuments(ctx, conferenceId);
  writeConferenceData(ctx, data, existed);
  // Packages from before the follow-up carry 'open' for matters answered at the conference:
  // concerns.status is worked out again here from the history and the handling.
  refreshConferenceStatuses(ctx, conferenceId);
  keepDocuments(ctx, checked);
  ctx.sql(
    `INSERT INTO imported_conferences (conference_id, unit_id, revision, package_sha256, exported_at, imported_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(conferenceId, unitId, revision, checked.sha256, manifest.exportedAt, stamp(ctx));
  const after = countsOf(data);
  const outcome = status === 'new' ? 'imported' : 'replaced';
  const message =
    outcome === 'imported'
      ? `Đã nhập hội nghị "${manifest.conference.title}" của ${manifest.unit.name} (lần gửi ${revision}): ${describe(after)}.`
      : `Đã cập nhật hội nghị "${manifest.conference.title}" của ${manifest.unit.name} lên lần gửi ${revision}: ${change(before, after)}.`;
  logImport(ctx, checked, fileName, outcome, message);
  return { ...base, outcome, message, before, after };
}

/**
 * What the unit's documents print (version 2) and the signed files as they came, so that
 * the parent shows and downloads the unit's own documents. A version-1 package brings no
 * settings: its documents are laid out with the defaults of the unit's style, as before.
 */
function keepDocuments(ctx: ServiceContext, checked: CheckedPackage): void {
  const id = checked.manifest.conference.id;
  const documents = checked.data.documents;
  if (documents) keepImportedSettings(ctx, id, documents.unit as DocUnit, { minutes: documents.minutes, report: documents.report });
  for (const [name, content] of Object.entries(checked.documents)) {
    ctx.sql('INSERT INTO imported_files (conference_id, name, content, sha256) VALUES (?, ?, ?, ?)').run(id, name, content, checked.manifest.files[name as DocumentEntry]!.sha256);
  }
}

/** The child unit, created on its first package under this database's own unit. */
function ensureUnit(ctx: ServiceContext, manifest: CheckedPackage['manifest']): void {
  const u = manifest.unit;
  const now = stamp(ctx);
  const exists = ctx.sql('SELECT 1 FROM units WHERE id = ?').get(u.id);
  if (exists) {
    // A package without a code keeps the one the officer entered (by hand or through a merge).
    ctx.sql(
      `UPDATE units SET name = ?, name_folded = ?, level = ?, code = COALESCE(?, code), updated_at = ?
        WHERE id = ? AND (name <> ? OR level <> ? OR code IS NOT COALESCE(?, code))`,
    ).run(u.name, fold(u.name), u.level, u.code, now, u.id, u.name, u.level, u.code);
    return;
  }
  ctx.sql('INSERT INTO units (id, name, name_folded, level, code, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(u.id, u.name, fold(u.name), u.level, u.code, ownUnitId(ctx), now, now);
  // The officer may have listed the unit by hand before its first file: that entry becomes this one.
  const listed = handAddedNamed(ctx, u.name, u.id);
  if (listed) moveInto(ctx, listed, u.id);
}

function logImport(ctx: ServiceContext, checked: CheckedPackage, fileName: string, outcome: ImportOutcome, summary: string): void {
  ctx.sql(
    `INSERT INTO package_imports (id, imported_at, file_name, package_sha256, unit_id, conference_id, revision, outcome, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(ctx.newId(), stamp(ctx), fileName, checked.sha256, checked.manifest.unit.id, checked.manifest.conference.id, checked.manifest.conference.revision, outcome, summary);
}

function describe(c: DataCounts): string {
  return `${c.turns} lượt ý kiến, ${c.concerns} nội dung, ${c.speakers} đại biểu`;
}

function change(before: DataCounts, after: DataCounts): string {
  const part = (label: string, a: number, b: number) => `${label} ${a} → ${b}`;
  return [
    part('lượt ý kiến', before.turns, after.turns),
    part('nội dung', before.concerns, after.concerns),
    part('đại biểu', before.speakers, after.speakers),
    part('thay đổi trạng thái', before.statusChanges, after.statusChanges),
  ].join(', ');
}
