/**
 * The filter of Theo dõi: a search box (no diacritics needed — the backend folds), the
 * outcomes, overdue, due within 7 days, agency, field, conference, the conferences' period
 * and, when the database holds several units' conferences (at a parent), the unit.
 */
import { useEffect, useMemo, useState } from 'react';
import { formatDateVn, parseDateVn } from '../../../shared/dates';
import { CONCERN_STATUSES } from '../../../shared/domain';
import { CONCERN_STATUS_LABELS, vi } from '../i18n/vi';
import { DUE_SOON_DAYS } from '../lib/followup';
import { useApp } from '../store/app';
import { clearFilter, setFilter, setQuerySoon, toggleStatus, useFollowup } from '../store/followup';

function SearchBox() {
  const query = useFollowup((s) => s.filter.query);
  // Remounted by "Bỏ lọc" (keyed by the resets), so the box empties with the filter.
  const [text, setText] = useState(query);
  return (
    <label className="form-row followup-search">
      <span className="label">{vi.followup.search}</span>
      <input
        type="search"
        className="input"
        data-testid="followup-search"
        placeholder={vi.followup.searchPlaceholder}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setQuerySoon(e.target.value);
        }}
      />
    </label>
  );
}

/** A dd/mm/yyyy bound: applied when it is a real date or empty, checked when she leaves it. */
function DateBound(props: { which: 'from' | 'to'; label: string }) {
  const value = useFollowup((s) => s.filter[props.which]);
  const problem = useFollowup((s) => s.problems[props.which]);
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const apply = (typed: string) => {
    if (typed !== value) setFilter({ [props.which]: typed });
  };
  const id = `followup-${props.which}`;
  return (
    <label className="form-row">
      <span className="label">{props.label}</span>
      <input
        type="text"
        className="input input-date"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        data-testid={id}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-message` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '' || parseDateVn(e.target.value)) apply(e.target.value);
        }}
        onBlur={() => apply(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(text);
        }}
      />
    </label>
  );
}

/**
 * The conferences' period: both boxes side by side and, under them, what is wrong with
 * either (kept within the pair's width, so the filter keeps its two rows).
 */
function Period(props: { resets: number }) {
  const problems = useFollowup((s) => s.problems);
  return (
    <div className="followup-period">
      <div className="followup-period-boxes">
        <DateBound key={`from-${props.resets}`} which="from" label={vi.followup.from} />
        <DateBound key={`to-${props.resets}`} which="to" label={vi.followup.to} />
      </div>
      {(['from', 'to'] as const).map((which) =>
        problems[which] ? (
          <span key={which} className="field-message" role="alert" id={`followup-${which}-message`} data-testid={`followup-${which}-message`}>
            {problems[which]}
          </span>
        ) : null,
      )}
    </div>
  );
}

function Choice(props: { label: string; testId: string; value: string; options: Array<{ id: string; name: string }>; onChange: (id: string) => void }) {
  return (
    <label className="form-row followup-choice">
      <span className="label">{props.label}</span>
      <select className="input" data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{vi.followup.all}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FollowupFilters() {
  const filter = useFollowup((s) => s.filter);
  const resets = useFollowup((s) => s.resets);
  const lookups = useFollowup((s) => s.lookups);
  const fields = useApp((s) => s.fields);

  const units = useMemo(() => {
    const byId = new Map<string, string>();
    for (const c of lookups.conferences) byId.set(c.unitId, c.unitName);
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [lookups.conferences]);
  const conferences = useMemo(
    () =>
      lookups.conferences
        .filter((c) => !filter.unitId || c.unitId === filter.unitId)
        .map((c) => ({ id: c.id, name: `${formatDateVn(c.date)} — ${c.title}${units.length > 1 ? ` (${c.unitName})` : ''}` })),
    [lookups.conferences, filter.unitId, units.length],
  );

  return (
    <section className="followup-filters" aria-label={vi.followup.filters} data-testid="followup-filters">
      <div className="followup-filter-row">
        <SearchBox key={resets} />
        <div className="form-row">
          <span className="label" id="followup-outcome-label">
            {vi.followup.outcome}
          </span>
          <div className="toggle-group" role="group" aria-labelledby="followup-outcome-label">
            {CONCERN_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                className={`btn btn-small btn-toggle outcome-toggle-${s}`}
                aria-pressed={filter.statuses.includes(s)}
                data-testid={`filter-status-${s}`}
                onClick={() => toggleStatus(s)}
              >
                {CONCERN_STATUS_LABELS[s]}
              </button>
            ))}
          </div>
        </div>
        <div className="form-row">
          <span className="label" aria-hidden="true">
            &nbsp;
          </span>
          <div className="toggle-group">
            <label className="check">
              <input type="checkbox" data-testid="filter-overdue" checked={filter.overdue} onChange={(e) => setFilter({ overdue: e.target.checked })} />
              {vi.followup.overdue}
            </label>
            <label className="check">
              <input type="checkbox" data-testid="filter-due-soon" checked={filter.dueSoon} onChange={(e) => setFilter({ dueSoon: e.target.checked })} />
              {vi.followup.dueSoon(DUE_SOON_DAYS)}
            </label>
          </div>
        </div>
      </div>
      <div className="followup-filter-row">
        <Choice
          label={vi.followup.agency}
          testId="filter-agency"
          value={filter.agencyId}
          options={lookups.agencies}
          onChange={(agencyId) => setFilter({ agencyId })}
        />
        <Choice label={vi.followup.field} testId="filter-field" value={filter.fieldId} options={fields} onChange={(fieldId) => setFilter({ fieldId })} />
        <Choice
          label={vi.followup.conference}
          testId="filter-conference"
          value={filter.conferenceId}
          options={conferences}
          onChange={(conferenceId) => setFilter({ conferenceId })}
        />
        {units.length > 1 ? (
          <Choice label={vi.followup.unit} testId="filter-unit" value={filter.unitId} options={units} onChange={(unitId) => setFilter({ unitId, conferenceId: '' })} />
        ) : null}
        <Period resets={resets} />
        <div className="form-row">
          <span className="label" aria-hidden="true">
            &nbsp;
          </span>
          <button type="button" className="btn btn-small" data-testid="filter-clear" onClick={() => clearFilter()}>
            {vi.followup.clear}
          </button>
        </div>
      </div>
    </section>
  );
}
