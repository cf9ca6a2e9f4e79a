/**
 * The agency catalog in Settings. Agencies join the catalog as they are typed on a matter,
 * so typos stay unless corrected here: rename one, merge a misspelt one into the right one
 * (its matters move along), delete one no matter uses.
 */
import { memo, useEffect, useState } from 'react';
import type { AgencyUsage } from '../../../shared/api/types';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { focusSoon } from '../lib/focus';
import { refusalMessage, useRefusal } from '../lib/refusal';
import { AutoText } from '../save/AutoText';
import { track } from '../save/queue';
import { pushUndo, showNotice } from '../store/app';

interface RowProps {
  agency: AgencyUsage;
  others: AgencyUsage[];
  onRenamed: (agency: AgencyUsage) => void;
  onMerge: (from: AgencyUsage, into: AgencyUsage) => Promise<string | null>;
  onDelete: (agency: AgencyUsage) => Promise<string | null>;
}

const AgencyRow = memo(function AgencyRow(props: RowProps) {
  const { agency } = props;
  const rename = useRefusal();
  const [into, setInto] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const target = props.others.find((a) => a.id === into) ?? null;
  const message = rename.message ?? problem;
  return (
    <li className="agency-row" data-testid="agency-row" data-agency-id={agency.id}>
      <div className="agency-line">
        <AutoText
          className="input grow"
          data-testid="agency-name"
          aria-label={vi.agencies.name}
          initial={agency.name}
          saveKey={`agency:${agency.id}:name`}
          validate={(v) => (v.trim() === '' ? vi.errors.required : null)}
          save={(v) => rename.guard(api.call('agencies.rename', { id: agency.id, name: v })).then((saved) => saved && props.onRenamed(saved))}
        />
        <span className="agency-usage muted" data-testid="agency-usage">
          {vi.agencies.usage(agency.concerns)}
        </span>
        {props.others.length > 0 ? (
          <>
            <select
              className="input agency-merge-target"
              data-testid="agency-merge-target"
              aria-label={vi.agencies.mergeLabel(agency.name)}
              value={into}
              onChange={(e) => {
                setInto(e.target.value);
                setProblem(null);
              }}
            >
              <option value="">{vi.agencies.mergeChoose}</option>
              {props.others.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn-small"
              data-testid="agency-merge"
              disabled={!target}
              onClick={async () => {
                if (target) setProblem(await props.onMerge(agency, target));
              }}
            >
              {vi.agencies.merge}
            </button>
          </>
        ) : null}
        <button type="button" className="btn btn-small btn-ghost btn-danger" data-testid="agency-delete" onClick={async () => setProblem(await props.onDelete(agency))}>
          {vi.agencies.delete}
        </button>
      </div>
      {message ? (
        <span className="field-message" role="alert" data-testid="agency-message">
          {message}
        </span>
      ) : null}
    </li>
  );
});

export function AgencyCatalog() {
  const [list, setList] = useState<AgencyUsage[] | null>(null);

  const reload = () =>
    api.call('agencies.catalog', {}).then(setList, (error) => {
      setList([]);
      showNotice(errorMessage(error), 'error');
    });

  useEffect(() => {
    void reload();
  }, []);

  const renamed = (agency: AgencyUsage) => setList((l) => l?.map((a) => (a.id === agency.id ? agency : a)) ?? null);

  /** A refusal comes back as the row's message; anything else is a notice. */
  const attempt = async (operation: () => Promise<void>): Promise<string | null> => {
    try {
      await operation();
      return null;
    } catch (error) {
      const message = refusalMessage(error);
      if (!message) showNotice(errorMessage(error), 'error');
      return message;
    }
  };

  const merge = (from: AgencyUsage, into: AgencyUsage) =>
    attempt(async () => {
      const merged = await track(() => api.call('agencies.merge', { from: from.id, into: into.id }));
      showNotice(vi.agencies.merged(from.name, merged.name, merged.concerns));
      await reload();
      focusSoon(`[data-agency-id="${merged.id}"] [data-testid="agency-name"]`);
    });

  const remove = (agency: AgencyUsage) =>
    attempt(async () => {
      await track(() => api.call('agencies.delete', { id: agency.id }));
      setList((l) => l?.filter((a) => a.id !== agency.id) ?? null);
      pushUndo(vi.agencies.deleted(agency.name), async () => {
        await track(() => api.call('agencies.restore', { id: agency.id }));
        await reload();
      });
    });

  if (list === null) return <p className="muted">{vi.app.loading}</p>;
  return (
    <div data-testid="agency-catalog">
      <p className="hint">{vi.agencies.hint}</p>
      {list.length === 0 ? <p className="empty">{vi.agencies.empty}</p> : null}
      <ul className="agency-list">
        {list.map((a) => (
          <AgencyRow key={a.id} agency={a} others={list.filter((o) => o.id !== a.id)} onRenamed={renamed} onMerge={merge} onDelete={remove} />
        ))}
      </ul>
    </div>
  );
}
