/**
 * Who has sent up a conference held in the period and who has not: the count in large
 * type ("11/12 phường"), the names still missing, and the conferences by kind.
 */
import type { Completeness } from '../../../shared/api/types';
import { CONFERENCE_KINDS } from '../../../shared/domain';
import { KIND_LABELS, vi } from '../i18n/vi';
import { formatDateVn } from '../lib/format';

export function CompletenessPanel(props: { completeness: Completeness }) {
  const c = props.completeness;
  return (
    <section className="card" aria-labelledby="completeness-title" data-testid="completeness">
      <h2 id="completeness-title">{vi.overview.completeness}</h2>
      <div className="completeness">
        <div className="completeness-count">
          <span className={`completeness-label${c.total > 0 && c.reported === c.total ? ' completeness-done' : ''}`} data-testid="completeness-label">
            {c.label}
          </span>
          <span className="muted">{vi.overview.reportedHint(formatDateVn(c.from), formatDateVn(c.to))}</span>
        </div>
        <div className="completeness-detail">
          {c.total > 0 ? (
            c.missing.length > 0 ? (
              <div>
                <h3>
                  {vi.overview.missing} ({c.missing.length})
                </h3>
                <ul className="missing-list" data-testid="completeness-missing">
                  {c.missing.map((name, i) => (
                    // Two units may share a name (under different parents).
                    <li key={i}>{name}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="ok-text" data-testid="completeness-missing">
                {vi.overview.noneMissing}
              </p>
            )
          ) : null}
          <ul className="by-kind" data-testid="completeness-by-kind">
            {CONFERENCE_KINDS.map((kind) => (
              <li key={kind} data-kind={kind}>
                {vi.overview.byKind(KIND_LABELS[kind], c.byKind[kind]?.conferences ?? 0, c.byKind[kind]?.units ?? 0)}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
