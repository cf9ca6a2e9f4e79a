/**
 * The child units as a tree, each with the conferences it sent for the period (each one a
 * link to its read-only view). A unit added by hand that never sent anything can be
 * deleted, or merged into the unit its first package created under another spelling.
 */
import { useState } from 'react';
import type { ChildUnit, ImportedConference, UnitCompleteness } from '../../../shared/api/types';
import { KIND_LABELS, vi } from '../i18n/vi';
import { dateOf, formatDateVn } from '../lib/format';
import { navigate } from '../store/app';
import { deleteChildUnit, mergeChildUnit } from '../store/overview';
import { ResponseExportButton } from './ResponseExportButton';

interface TreeRow {
  unit: ChildUnit;
  depth: number;
  conferences: ImportedConference[];
}

/** The units come in tree order with their depth (the service's); each gets its conferences of the period. */
function treeRows(units: ChildUnit[], completeness: UnitCompleteness[]): TreeRow[] {
  const conferences = new Map(completeness.map((c) => [c.unitId, c.conferences]));
  return units.map((unit) => ({ unit, depth: unit.depth - 1, conferences: conferences.get(unit.id) ?? [] }));
}

function ConferenceRows(props: { conferences: ImportedConference[] }) {
  if (props.conferences.length === 0) return <p className="muted small">{vi.overview.noConferences}</p>;
  return (
    <table className="table table-compact">
      <thead>
        <tr>
          <th className="col-date">{vi.overview.colDate}</th>
          <th>{vi.overview.colTitle}</th>
          <th>{vi.overview.colKind}</th>
          <th>{vi.overview.colSent}</th>
          <th className="col-date">{vi.overview.colImported}</th>
        </tr>
      </thead>
      <tbody>
        {[...props.conferences]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((c) => (
            <tr key={c.id} data-testid="received-conference" data-conference-id={c.id}>
              <td className="col-date">{formatDateVn(c.date)}</td>
              <td>
                <a
                  href={`#/hoi-nghi/${c.id}/van-ban`}
                  className="row-title"
                  data-testid="open-imported"
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ name: 'documents', id: c.id });
                  }}
                >
                  {c.title}
                </a>
              </td>
              <td>{KIND_LABELS[c.kind]}</td>
              <td className="nowrap">{vi.overview.revision(c.revision)}</td>
              <td className="col-date">{dateOf(c.importedAt)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

function MergeForm(props: { unit: ChildUnit; targets: ChildUnit[]; onDone: () => void }) {
  const [into, setInto] = useState('');
  const target = props.targets.find((t) => t.id === into);
  return (
    <div className="merge-form">
      <label className="form-row">
        <span className="label">{vi.overview.mergeLabel(props.unit.name)}</span>
        <select className="input" data-testid="merge-target" value={into} onChange={(e) => setInto(e.target.value)} autoFocus>
          <option value="">{vi.overview.mergeChoose}</option>
          {props.targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-small btn-primary"
        data-testid="confirm-merge"
        disabled={!target}
        onClick={async () => {
          if (target && (await mergeChildUnit(props.unit, target))) props.onDone();
        }}
      >
        {vi.overview.merge}
      </button>
      <button type="button" className="btn btn-small" onClick={props.onDone}>
        {vi.overview.cancel}
      </button>
    </div>
  );
}

function UnitRow(props: { row: TreeRow; targets: ChildUnit[] }) {
  const { unit, depth, conferences } = props.row;
  const [merging, setMerging] = useState(false);
  const handAdded = unit.handAdded;
  const others = props.targets.filter((t) => t.id !== unit.id);
  return (
    <li className="unit-node" style={{ marginLeft: `${depth * 1.5}rem` }} data-testid="child-unit" data-unit-id={unit.id} data-unit-name={unit.name}>
      <div className="unit-head">
        <span className="unit-name">{unit.name}</span>
        <span className={`status${conferences.length > 0 ? ' status-closed' : ''}`} data-testid="unit-conference-count">
          {vi.overview.conferenceCount(conferences.length)}
        </span>
        {handAdded ? <span className="badge badge-muted">{vi.overview.handAdded}</span> : null}
        {unit.keyFingerprint ? <span className="muted small fingerprint">{vi.overview.fingerprint(unit.keyFingerprint)}</span> : null}
        <span className="actions-spacer" />
        <ResponseExportButton unit={unit} />
        {handAdded ? (
          <span className="row-buttons">
            {others.length > 0 ? (
              <button type="button" className="btn btn-small" data-testid="child-unit-merge" aria-expanded={merging} onClick={() => setMerging((m) => !m)}>
                {vi.overview.mergeInto}
              </button>
            ) : null}
            <button type="button" className="btn btn-small btn-ghost btn-danger" data-testid="child-unit-delete" onClick={() => void deleteChildUnit(unit)}>
              {vi.overview.delete}
            </button>
          </span>
        ) : null}
      </div>
      {merging ? <MergeForm unit={unit} targets={others} onDone={() => setMerging(false)} /> : null}
      <ConferenceRows conferences={conferences} />
    </li>
  );
}

export function ChildUnitTree(props: { units: ChildUnit[]; completeness: UnitCompleteness[] }) {
  const rows = treeRows(props.units, props.completeness);
  // A hand-added name merges into a unit its package created.
  const targets = props.units.filter((u) => !u.handAdded);
  return (
    <section className="card" aria-labelledby="units-title">
      <h2 id="units-title">{vi.overview.units}</h2>
      {rows.length === 0 ? (
        <p className="empty">{vi.overview.noUnits}</p>
      ) : (
        <ul className="unit-tree" data-testid="unit-tree">
          {rows.map((row) => (
            <UnitRow key={row.unit.id} row={row} targets={targets} />
          ))}
        </ul>
      )}
    </section>
  );
}
