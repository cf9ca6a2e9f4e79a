/**
 * "In danh sách theo cơ quan": the matters of the filter in force, one group per agency,
 * each group on its own A4 pages so that each agency can be handed its list. The screen
 * shows the sheet as it prints; the browser's print (Ctrl+P) or the button prints it.
 * Asked anew with a larger limit than the screen's, so the sheet is the whole filter.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FollowupItem } from '../../../shared/api/types';
import { formatDateVn, localIsoDate } from '../../../shared/dates';
import { api, errorMessage } from '../api';
import { CONCERN_STATUS_LABELS, vi } from '../i18n/vi';
import { PRINT_LIMIT, describeFilter, dueLabel, groupByAgency, toQuery } from '../lib/followup';
import { isComposingKey } from '../lib/keys';
import { useApp } from '../store/app';
import { closePrint, useFollowup } from '../store/followup';

export function FollowupPrint(props: { onClose: () => void }) {
  const filter = useFollowup((s) => s.filter);
  const lookups = useFollowup((s) => s.lookups);
  const fields = useApp((s) => s.fields);
  const unit = useApp((s) => s.unit);
  const [items, setItems] = useState<FollowupItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // The same rows as the screen: a malformed bound is left out here too.
    const asked = toQuery(filter, PRINT_LIMIT);
    api.call('followup.list', asked.query).then(
      (found) => live && setItems(found),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [filter]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isComposingKey(e)) {
        closePrint();
        props.onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);

  const groups = useMemo(() => (items ? groupByAgency(items) : []), [items]);
  const scope = describeFilter(filter, {
    agency: lookups.agencies.find((a) => a.id === filter.agencyId)?.name,
    field: fields.find((f) => f.id === filter.fieldId)?.name,
    conference: lookups.conferences.find((c) => c.id === filter.conferenceId)?.title,
    unit: lookups.conferences.find((c) => c.unitId === filter.unitId)?.unitName,
  });
  const today = formatDateVn(localIsoDate(new Date()));

  return (
    <div className="followup-print" data-testid="followup-print">
      <div className="print-toolbar no-print">
        <button type="button" className="btn btn-primary" data-testid="print-now" autoFocus disabled={!items} onClick={() => window.print()}>
          {vi.followup.printNow}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="print-close"
          onClick={() => {
            closePrint();
            props.onClose();
          }}
        >
          {vi.followup.printClose}
        </button>
        {items ? <span className="muted">{vi.followup.printCount(items.length)}</span> : null}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : items === null ? (
        <p className="muted">{vi.followup.printLoading}</p>
      ) : items.length === 0 ? (
        <p className="empty">{vi.followup.empty}</p>
      ) : (
        <div className="print-sheet">
          {groups.map((g) => (
            <section key={g.agencyId ?? g.name} className="print-group" data-testid="print-group">
              <header className="print-head">
                {unit ? <p className="print-unit">{unit.name.toUpperCase()}</p> : null}
                <h1 className="print-title">{vi.followup.printTitle}</h1>
                <p className="print-agency">
                  {vi.followup.agency}: <span data-testid="print-agency">{g.name}</span>
                </p>
                <p className="print-scope">{vi.followup.printFilter(scope)}</p>
                <p className="print-scope">
                  {vi.followup.printAsOf(today)} — {vi.followup.printCount(g.items.length)}
                </p>
              </header>
              <table className="print-table">
                <thead>
                  <tr>
                    <th className="print-no">{vi.followup.colNo}</th>
                    <th>{vi.followup.colText}</th>
                    <th className="print-conf">{vi.followup.colConference}</th>
                    <th className="print-deadline">{vi.followup.colDeadline}</th>
                    <th className="print-outcome">{vi.followup.colOutcome}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.items.map((item, i) => {
                    const due = dueLabel(item);
                    return (
                      <tr key={item.id} data-testid="print-row">
                        <td className="print-no">{i + 1}</td>
                        <td>
                          {item.text}
                          {item.lastNote ? <div className="print-note">{item.lastNote}</div> : null}
                        </td>
                        <td className="print-conf">
                          <div>{vi.followup.printNumber(item.number)}</div>
                          <div>{formatDateVn(item.conferenceDate)}</div>
                          {item.imported ? <div>{item.unitName}</div> : null}
                        </td>
                        <td className="print-deadline">
                          {formatDateVn(item.deadline)}
                          {due ? <div className={item.overdue ? 'print-over' : undefined}>{due}</div> : null}
                        </td>
                        <td className="print-outcome">
                          {CONCERN_STATUS_LABELS[item.status]}
                          {item.statusDate && item.status !== 'open' ? <div>{formatDateVn(item.statusDate)}</div> : null}
                          {item.lastReference ? <div>{item.lastReference}</div> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
