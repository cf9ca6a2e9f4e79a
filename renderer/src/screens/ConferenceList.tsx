/**
 * This unit's conferences, newest first, with live counts. Conferences received from child
 * units are not listed here: they are reached from "Tổng hợp".
 */
import { useEffect, useState } from 'react';
import type { ConferenceSummary } from '../../../shared/api/types';
import { localIsoDate } from '../../../shared/dates';
import { api, errorMessage } from '../api';
import { KIND_LABELS, STATUS_LABELS, vi } from '../i18n/vi';
import { focusSoon } from '../lib/focus';
import { formatDateVn } from '../lib/format';
import { track } from '../save/queue';
import { navigate, pushUndo, showNotice, useApp } from '../store/app';

/** A conference saved before titles were required (or received without one) still opens. */
function titleOf(c: ConferenceSummary): string {
  return c.title.trim() === '' ? vi.forms.untitled : c.title;
}

/**
 * One click must not delete a conference: the dialog names it and what goes with it.
 * Focus starts on "Hủy", so Enter pressed out of habit deletes nothing.
 */
function DeleteDialog(props: { conference: ConferenceSummary; onCancel: () => void; onConfirm: () => void }) {
  const { conference, onCancel } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="delete-title" aria-describedby="delete-text" data-testid="delete-dialog">
        <h2 id="delete-title">{vi.forms.deleteTitle}</h2>
        <p id="delete-text" data-testid="delete-text">
          {vi.forms.deleteText(titleOf(conference), conference.counts.turns, conference.counts.concernsTotal)}
        </p>
        <p className="hint">{vi.forms.deleteUndoHint}</p>
        <div className="actions">
          <button type="button" className="btn btn-danger-confirm" data-testid="confirm-delete" onClick={props.onConfirm}>
            {vi.forms.deleteConfirm}
          </button>
          <button type="button" className="btn" data-testid="cancel-delete" autoFocus onClick={onCancel}>
            {vi.forms.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}

export function ConferenceListScreen() {
  const unit = useApp((s) => s.unit);
  const [list, setList] = useState<ConferenceSummary[] | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = () =>
    api
      .call('conferences.list', {})
      .then((all) => setList(all.filter((c) => !c.imported)))
      .catch((error) => showNotice(errorMessage(error), 'error'));

  useEffect(() => {
    void reload();
  }, []);

  const create = async () => {
    setBusy(true);
    try {
      const today = new Date();
      const conference = await track(() =>
        api.call('conferences.create', {
          title: vi.list.defaultTitle(unit?.name ?? '', today.getFullYear()),
          kind: 'periodic',
          date: localIsoDate(today),
        }),
      );
      navigate({ name: 'prepare', id: conference.id });
    } catch (error) {
      showNotice(errorMessage(error), 'error');
    } finally {
      setBusy(false);
    }
  };

  const [confirming, setConfirming] = useState<ConferenceSummary | null>(null);

  const remove = (row: ConferenceSummary) => {
    setList((l) => l?.filter((c) => c.id !== row.id) ?? null);
    const deletion = track(() => api.call('conferences.delete', { id: row.id }));
    deletion.catch((error) => {
      showNotice(errorMessage(error), 'error');
      void reload();
    });
    pushUndo(vi.forms.deleted(titleOf(row)), async () => {
      await deletion.catch(() => undefined);
      await track(() => api.call('conferences.restore', { id: row.id }));
      await reload();
    });
  };

  return (
    <main className="page" data-testid="list-screen">
      <div className="page-head">
        <h1>{vi.list.title}</h1>
        <button type="button" className="btn btn-primary" data-testid="create-conference" disabled={busy} onClick={() => void create()}>
          {vi.list.create}
        </button>
      </div>
      {list === null ? (
        <p className="muted">{vi.app.loading}</p>
      ) : list.length === 0 ? (
        <p className="empty">{vi.list.empty}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th className="col-date">{vi.list.colDate}</th>
              <th>{vi.list.colTitle}</th>
              <th>{vi.list.colKind}</th>
              <th>{vi.list.colStatus}</th>
              <th className="num">{vi.list.colTurns}</th>
              <th className="num">{vi.list.colConcerns}</th>
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id} data-testid="conference-row" data-conference-id={c.id}>
                <td className="col-date">{formatDateVn(c.date)}</td>
                <td>
                  <a
                    href={`#/hoi-nghi/${c.id}${c.status === 'draft' ? '' : '/truc-tiep'}`}
                    className="row-title"
                    data-testid="conference-open"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(c.status === 'draft' ? { name: 'prepare', id: c.id } : { name: 'live', id: c.id });
                    }}
                  >
                    {titleOf(c)}
                  </a>
                  {unit && c.unitId !== unit.id ? <div className="muted small">{c.unitName}</div> : null}
                </td>
                <td>{KIND_LABELS[c.kind]}</td>
                <td>
                  <span className={`status status-${c.status}`}>{STATUS_LABELS[c.status]}</span>
                </td>
                <td className="num" data-testid="row-turns">
                  {c.counts.turns}
                </td>
                <td className="num" data-testid="row-concerns">
                  {c.counts.concernsTotal}
                </td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small btn-ghost btn-danger" data-testid="conference-delete" onClick={() => setConfirming(c)}>
                    {vi.list.delete}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming ? (
        <DeleteDialog
          conference={confirming}
          onCancel={() => {
            const id = confirming.id;
            setConfirming(null);
            focusSoon(`[data-conference-id="${id}"] [data-testid="conference-delete"]`);
          }}
          onConfirm={() => {
            setConfirming(null);
            remove(confirming);
          }}
        />
      ) : null}
    </main>
  );
}
