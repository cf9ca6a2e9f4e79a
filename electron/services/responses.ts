/**
 * Answers travelling back down. At the parent, the matters its units forwarded to it
 * (Kiến nghị cấp trên) get the parent's own answers — dated outcome entries kept in
 * parent_answers, apart from the unit's data, which each newer package replaces whole. The
 * parent exports them for one unit as a signed response file (package/response.ts). At the
 * unit, importing it adds the answers to those matters' history: the parent's key is pinned
 * with its first file, a file for another unit, signed by another key or naming matters the
 * unit does not have is refused with nothing written, and importing it twice adds nothing.
 */
import pkg from '../../package.json';
import { fileSlug } from '../../shared/text';
import { PACKAGE_EXTENSION } from '../../shared/domain';
import { PackageError } from '../package/errors';
import { fingerprint } from '../package/keys';
import type { ResponseData } from '../package/model';
import { checkResponse, writeResponse, type CheckedResponse } from '../package/response';
import type { ApiParsed } from '../../shared/api/contract';
import type { ExportedResponseFile } from '../../shared/api/types';
import { notFound, refused, stamp, type ServiceContext } from './context';
import { later, type Later } from './later';
import { touchConference } from './conference-touch';
import { refreshStatus, type StatusEntry } from './outcomes';
import { STATUS_CHANGE_COLUMNS, type StatusChangeRow } from './rows';
import { ensureOwnKey } from './unit-keys';
import { getOwnUnit, getUnit, ownUnitId } from './units';

/**
 * At the parent: one dated answer to a matter a unit forwarded to it. The matter must be
 * one of a received conference, forwarded to the level above. Call inside a transaction.
 */
export function recordParentAnswer(ctx: ServiceContext, concernId: string, entry: StatusEntry): void {
  const row = ctx.sql(
    `SELECT c.conference_id, c.handling, i.unit_id FROM concerns c JOIN imported_conferences i ON i.conference_id = c.conference_id
      WHERE c.id = ? AND c.deleted_at IS NULL`,
  ).get(concernId) as { conference_id: string; handling: string | null; unit_id: string } | undefined;
  if (!row) throw notFound('nội dung của đơn vị cấp dưới');
  if (row.handling !== 'forwarded') {
    throw refused('Chỉ trả lời được nội dung đơn vị cấp dưới kiến nghị lên cấp trên; kết quả các nội dung khác do đơn vị đó cập nhật.');
  }
  ctx.sql(
    `INSERT INTO parent_answers (id, unit_id, conference_id, concern_id, status, changed_on, note, reported_by, reference_doc, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(ctx.newId(), row.unit_id, row.conference_id, concernId, entry.status, entry.date, entry.note ?? '', entry.reportedBy ?? '', entry.reference ?? '', stamp(ctx));
}

/** At the parent: its answers for one unit, grouped by matter, as the response file carries them. */
function answersFor(ctx: ServiceContext, unitId: string): ResponseData {
  const rows = ctx.sql(
    `SELECT conference_id, ${STATUS_CHANGE_COLUMNS} FROM parent_answers
      WHERE unit_id = ? ORDER BY conference_id, concern_id, changed_on, created_at, id`,
  ).all(unitId) as Array<StatusChangeRow & { conference_id: string }>;
  const answers: ResponseData['answers'] = [];
  for (const r of rows) {
    let answer = answers[answers.length - 1];
    if (!answer || answer.concernId !== r.concern_id) {
      answer = { concernId: r.concern_id, conferenceId: r.conference_id, entries: [] };
      answers.push(answer);
    }
    answer.entries.push({ id: r.id, status: r.status, date: r.changed_on, note: r.note, reportedBy: r.reported_by, reference: r.reference_doc, createdAt: r.created_at });
  }
  return { answers };
}

/** One line of an import's summary, as package-import.ts reports each file (it routes response files here). */
export interface ResponseImportSummary {
  file: string;
  outcome: 'imported' | 'unchanged' | 'refused';
  message: string;
  problem?: PackageError['problem'];
  unitId?: string;
  unitName?: string;
}

export interface ExportedResponse {
  bytes: Buffer;
  fileName: string;
  /** Matters answered in the file. */
  matters: number;
}

/** At the parent: the signed response file for one unit, with every answer recorded for it so far. */
export async function exportResponse(ctx: ServiceContext, unitId: string): Promise<ExportedResponse> {
  const contents = ctx.db.transaction(() => {
    const own = getOwnUnit(ctx);
    if (!own) throw refused('Chưa thiết lập đơn vị. Hãy khai báo đơn vị trước khi gửi trả lời cho đơn vị cấp dưới.');
    const unit = getUnit(ctx, unitId);
    if (!unit || unit.id === own.id) throw notFound('đơn vị cấp dưới');
    const data = answersFor(ctx, unitId);
    if (data.answers.length === 0) throw refused(`Chưa có câu trả lời nào cho kiến nghị của ${unit.name}: hãy cập nhật kết quả các nội dung đơn vị kiến nghị lên trước.`);
    return {
      appVersion: pkg.version,
      from: { id: own.id, name: own.name, level: own.level },
      to: { id: unit.id, name: unit.name },
      keys: ensureOwnKey(ctx, own.id),
      exportedAt: ctx.now(),
      data,
    };
  })();
  const { bytes } = await writeResponse(contents);
  const day = contents.exportedAt.toISOString().slice(0, 10);
  return { bytes, fileName: `tra-loi_${fileSlug(contents.to.name) || 'don-vi'}_${day}${PACKAGE_EXTENSION}`, matters: contents.data.answers.length };
}

/** `responses.export`: the file is written after the request's transaction, like a package. */
export function exportResponseFile(ctx: ServiceContext, input: ApiParsed<'responses.export'>): Later<ExportedResponseFile> {
  return later(async () => {
    const built = await exportResponse(ctx, input.unitId);
    return { fileName: built.fileName, mimeType: 'application/vnd.doithoai.package+zip', base64: built.bytes.toString('base64'), unitId: input.unitId, matters: built.matters };
  });
}

/** At the unit: a response file read and applied in one transaction; a refusal writes nothing. */
export async function importResponseFile(ctx: ServiceContext, file: { name: string; bytes: Buffer }): Promise<ResponseImportSummary> {
  let checked: CheckedResponse;
  try {
    checked = await checkResponse(file.bytes);
    return ctx.db.transaction(() => applyResponse(ctx, checked, file.name))();
  } catch (error) {
    if (error instanceof PackageError) return { file: file.name, outcome: 'refused', problem: error.problem, message: error.message };
    throw error;
  }
}

function applyResponse(ctx: ServiceContext, checked: CheckedResponse, fileName: string): ResponseImportSummary {
  const { manifest, data } = checked;
  const from = manifest.from;
  const own = ownUnitId(ctx);
  if (manifest.to.id !== own) {
    throw new PackageError('foreign', `Tệp trả lời của ${from.name} gửi cho ${manifest.to.name}, không phải đơn vị này. Không nhập.`);
  }
  const keyNote = pinParentKey(ctx, from, checked.publicKey);

  // Everything checked before anything is written: each matter is one of this unit's own
  // conferences, and an entry already here belongs to the same matter.
  const conferences = new Set<string>();
  for (const answer of data.answers) {
    const row = ctx.sql(
      `SELECT c.conference_id FROM concerns c JOIN conferences f ON f.id = c.conference_id
        WHERE c.id = ? AND c.deleted_at IS NULL AND f.unit_id = ?
          AND NOT EXISTS (SELECT 1 FROM imported_conferences i WHERE i.conference_id = c.conference_id)`,
    ).get(answer.concernId, own) as { conference_id: string } | undefined;
    if (!row || row.conference_id !== answer.conferenceId) {
      throw new PackageError('foreign', `Tệp trả lời của ${from.name} nhắc tới nội dung không có ở đơn vị này. Không nhập.`);
    }
    for (const entry of answer.entries) {
      const existing = ctx.sql('SELECT concern_id FROM concern_status_changes WHERE id = ?').get(entry.id) as { concern_id: string } | undefined;
      if (existing && existing.concern_id !== answer.concernId) throw new PackageError('foreign', `Tệp trả lời của ${from.name} chứa mã đã dùng cho nội dung khác. Không nhập.`);
    }
    conferences.add(row.conference_id);
  }

  let added = 0;
  const insert = ctx.sql(
    `INSERT INTO concern_status_changes (id, concern_id, status, changed_on, note, reported_by, reference_doc, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  for (const answer of data.answers) {
    let changed = false;
    for (const e of answer.entries) {
      const reportedBy = (e.reportedBy || from.name).normalize('NFC');
      if (insert.run(e.id, answer.concernId, e.status, e.date, e.note.normalize('NFC'), reportedBy, e.reference.normalize('NFC'), e.createdAt).changes > 0) {
        added++;
        changed = true;
      }
    }
    if (changed) refreshStatus(ctx, answer.concernId);
  }
  // A changed outcome makes the next export of the conference a new revision.
  if (added > 0) for (const id of conferences) touchConference(ctx, id);
  ctx.sql('INSERT INTO response_imports (id, imported_at, file_name, package_sha256, from_unit_id, entries_added) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ctx.newId(), stamp(ctx), fileName, checked.sha256, from.id, added);
  const message =
    added > 0
      ? `Đã nhập trả lời của ${from.name}: ${data.answers.length} nội dung, ${added} lần cập nhật kết quả.${keyNote}`
      : `Tệp trả lời của ${from.name} đã nhập trước đó, không có gì thay đổi.${keyNote}`;
  return { file: fileName, outcome: added > 0 ? 'imported' : 'unchanged', message, unitId: from.id, unitName: from.name };
}

/** The level above's key: pinned with its first file; any other key later is refused until accepted. */
function pinParentKey(ctx: ServiceContext, from: { id: string; name: string }, publicKey: Buffer): string {
  const pinned = ctx.sql('SELECT public_key, fingerprint FROM parent_keys WHERE unit_id = ?').get(from.id) as { public_key: Buffer; fingerprint: string } | undefined;
  const print = fingerprint(publicKey);
  if (!pinned) {
    ctx.sql('INSERT INTO parent_keys (unit_id, name, public_key, fingerprint, accepted_at) VALUES (?, ?, ?, ?, ?)').run(from.id, from.name, publicKey, print, stamp(ctx));
    return ` Đã ghi nhận khóa của ${from.name}, vân tay ${print}: hãy gọi điện xác nhận với cấp trên.`;
  }
  if (!pinned.public_key.equals(publicKey)) {
    throw new PackageError(
      'key_changed',
      `Tệp trả lời của ${from.name} được ký bằng khóa khác với khóa đã ghi nhận (vân tay đã ghi nhận ${pinned.fingerprint}, vân tay trong tệp ${print}). Không nhập.`,
    );
  }
  return '';
}
