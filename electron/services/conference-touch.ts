/**
 * Whether this unit may change a conference, and marking it changed. Its own module so the
 * services of a conference's parts (concerns, speakers, turns) need not import
 * conferences.ts, which lists those parts: the imports run one way.
 */
import { notFound, refused, stamp, type ServiceContext } from './context';

/**
 * Marks the conference changed: later exports compare updated_at to know a revision is due.
 * Every edit of its parts goes through here, so a deleted conference refuses them all (the
 * request's transaction rolls the edit back).
 */
export function touchConference(ctx: ServiceContext, id: string): void {
  refuseIfImported(ctx, id);
  const { changes } = ctx.sql('UPDATE conferences SET updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(stamp(ctx), id);
  if (changes === 0) throw notFound('hội nghị');
}

/**
 * A conference a child unit sent is its record, not ours: it changes only by a newer
 * package from that unit, so every edit here is refused.
 */
export function refuseIfImported(ctx: ServiceContext, id: string): void {
  if (ctx.sql('SELECT 1 FROM imported_conferences WHERE conference_id = ?').get(id)) {
    throw refused('Hội nghị này do đơn vị cấp dưới gửi lên nên chỉ xem, không sửa được. Khi cần sửa, đơn vị đó sửa và gửi lại gói mới.');
  }
}
