/**
 * "Kết quả giải quyết ý kiến, kiến nghị tại hội nghị trước" on the preparation screen: the
 * chair reports it at the opening, so the secretary sees while preparing what the minutes
 * will carry — each earlier conference of the unit with its counts on this conference's date,
 * and each matter still not resolved then. Read again whenever the date changes: the outcomes
 * are as of it. Nothing shows for a unit's first conference.
 */
import { useEffect, useState } from 'react';
import type { CarryOver, CarryOverMatter } from '../../../shared/api/types';
import { api, errorMessage } from '../api';
import { CONCERN_STATUS_LABELS, HANDLING_LABELS, vi } from '../i18n/vi';
import { formatDateVn } from '../lib/format';
import { navigate, showNotice } from '../store/app';
import { useConf } from '../store/conference';

function agencyOf(m: CarryOverMatter): string {
  return m.agencyName || (m.handling === 'forwarded' ? vi.carryOver.parent : '');
}

function Outcome(props: { matter: CarryOverMatter }) {
  const m = props.matter;
  const latest = m.latest ? [formatDateVn(m.latest.date), m.latest.reportedBy, m.latest.note, m.latest.reference].filter(Boolean).join(', ') : '';
  return (
    <>
      <span className={`carry-status carry-status-${m.status}`}>{CONCERN_STATUS_LABELS[m.status]}</span>
      {latest ? <span className="carry-latest"> ({latest})</span> : null}
    </>
  );
}

export function CarryOverPanel() {
  const id = useConf((s) => s.id);
  const date = useConf((s) => s.conference?.date);
  const [carry, setCarry] = useState<CarryOver | null>(null);

  useEffect(() => {
    if (!id || !date) return;
    let current = true;
    api.call('conferences.carryOver', { id }).then(
      (value) => current && setCarry(value),
      (error) => current && showNotice(errorMessage(error), 'error'),
    );
    return () => {
      current = false;
    };
  }, [id, date]);

  if (!carry || carry.conferences.length === 0) return null;
  return (
    <section className="card carry-over" data-testid="carry-over">
      <h2>{vi.carryOver.title}</h2>
      <p className="hint">{vi.carryOver.hint(formatDateVn(carry.asOf))}</p>
      {carry.conferences.map((c) => (
        <div key={c.id} className="carry-conference" data-testid="carry-conference" data-conference-id={c.id}>
          <div className="carry-head">
            <h3>{vi.carryOver.conference(formatDateVn(c.date), c.title)}</h3>
            <button type="button" className="btn btn-small" onClick={() => navigate({ name: 'prepare', id: c.id })}>
              {vi.carryOver.open}
            </button>
          </div>
          <p className="carry-counts" data-testid="carry-counts">
            <span>{vi.carryOver.total(c.total)}</span>
            <span className="carry-status-resolved">{vi.carryOver.resolved(c.resolved)}</span>
            <span className="carry-status-inProgress">{vi.carryOver.inProgress(c.inProgress)}</span>
            <span className="carry-status-open">{vi.carryOver.open_(c.open)}</span>
            <span className={c.overdue > 0 ? 'carry-overdue' : ''}>{vi.carryOver.overdue(c.overdue)}</span>
          </p>
          {c.pending.length === 0 ? (
            <p className="empty">{vi.carryOver.allResolved}</p>
          ) : (
            <table className="table table-compact carry-table">
              <thead>
                <tr>
                  <th className="num">{vi.carryOver.number}</th>
                  <th>{vi.carryOver.text}</th>
                  <th>{vi.carryOver.handling}</th>
                  <th>{vi.carryOver.agency}</th>
                  <th>{vi.carryOver.deadline}</th>
                  <th>{vi.carryOver.outcome}</th>
                </tr>
              </thead>
              <tbody>
                {c.pending.map((m) => (
                  <tr key={m.id} data-testid="carry-matter" data-concern-id={m.id} className={m.overdue ? 'carry-row-overdue' : ''}>
                    <td className="num">{m.number}</td>
                    {/* A matter can run to a page: three lines here, the whole text on hover and in the minutes. */}
                    <td className="carry-text" title={m.text}>
                      <div className="carry-text-clamp">{m.text}</div>
                    </td>
                    <td>{m.handling ? HANDLING_LABELS[m.handling] : ''}</td>
                    <td>{agencyOf(m)}</td>
                    <td className="col-date">
                      {formatDateVn(m.deadline)}
                      {m.overdue ? <span className="carry-overdue"> {vi.carryOver.late}</span> : null}
                    </td>
                    <td>
                      <Outcome matter={m} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
