/** Settings: the own unit, the list of fields (rename, add, reorder, delete/restore), the agency catalog. */
import { memo, useEffect, useState } from 'react';
import type { Field, OwnKey } from '../../../shared/api/types';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { UnitForm } from '../components/UnitForm';
import { focusSoon } from '../lib/focus';
import { AutoText } from '../save/AutoText';
import { pushSave, track } from '../save/queue';
import { pushUndo, showNotice, useApp } from '../store/app';
import { AddNameRow } from '../components/AddNameRow';
import { AgencyCatalog } from '../components/AgencyCatalog';
import { DeadlineDaysCard } from '../components/DeadlineDaysCard';

async function refreshFields(): Promise<Field[]> {
  const all = await api.call('fields.list', { includeDeleted: true });
  useApp.setState({ fields: all.filter((f) => f.deletedAt === null) });
  return all.filter((f) => f.deletedAt !== null);
}

function setFieldName(id: string, name: string) {
  useApp.setState((s) => ({ fields: s.fields.map((f) => (f.id === id ? { ...f, name } : f)) }));
}

function moveField(id: string, delta: -1 | 1) {
  const fields = [...useApp.getState().fields];
  const at = fields.findIndex((f) => f.id === id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= fields.length) return;
  [fields[at], fields[to]] = [fields[to]!, fields[at]!];
  const renumbered = fields.map((f, i) => ({ ...f, position: i + 1 }));
  const before = new Map(useApp.getState().fields.map((f) => [f.id, f.position]));
  useApp.setState({ fields: renumbered });
  for (const f of renumbered) {
    if (before.get(f.id) === f.position) continue;
    const position = f.position;
    pushSave(`field:${f.id}:position`, () => api.call('fields.update', { id: f.id, patch: { position } }));
  }
  focusSoon(`[data-field-id="${id}"] [data-testid="${delta < 0 ? 'field-up' : 'field-down'}"]`);
}

const FieldRow = memo(function FieldRow(props: { field: Field; index: number; last: boolean; onDelete: (f: Field) => void }) {
  const { field } = props;
  return (
    <li className="field-row" data-testid="field-row" data-field-id={field.id}>
      <span className="speaker-order">{props.index + 1}.</span>
      <AutoText
        className="input grow"
        data-testid="field-name"
        aria-label={vi.concern.field}
        initial={field.name}
        saveKey={`field:${field.id}:name`}
        validate={(v) => (v.trim() === '' ? vi.errors.required : null)}
        save={async (v) => {
          const saved = await api.call('fields.update', { id: field.id, patch: { name: v } });
          setFieldName(field.id, saved.name);
        }}
      />
      <span className="row-buttons">
        <button type="button" className="btn btn-small btn-icon" data-testid="field-up" aria-label={vi.prepare.moveUp} disabled={props.index === 0} onClick={() => moveField(field.id, -1)}>
          ↑
        </button>
        <button type="button" className="btn btn-small btn-icon" data-testid="field-down" aria-label={vi.prepare.moveDown} disabled={props.last} onClick={() => moveField(field.id, 1)}>
          ↓
        </button>
        <button type="button" className="btn btn-small btn-ghost btn-danger" data-testid="field-delete" onClick={() => props.onDelete(field)}>
          {vi.settings.delete}
        </button>
      </span>
    </li>
  );
});

function FieldsEditor() {
  const fields = useApp((s) => s.fields);
  const [deleted, setDeleted] = useState<Field[]>([]);
  const [name, setName] = useState('');

  useEffect(() => {
    refreshFields().then(setDeleted, (error) => showNotice(errorMessage(error), 'error'));
  }, []);

  const restore = async (id: string) => {
    await track(() => api.call('fields.restore', { id }));
    setDeleted(await refreshFields());
  };

  const remove = (field: Field) => {
    useApp.setState((s) => ({ fields: s.fields.filter((f) => f.id !== field.id) }));
    const deletion = track(() => api.call('fields.delete', { id: field.id }));
    deletion.then(
      () => setDeleted((d) => [...d, field]),
      (error) => {
        showNotice(errorMessage(error), 'error');
        void refreshFields().then(setDeleted);
      },
    );
    pushUndo(vi.settings.fieldDeleted(field.name), async () => {
      await deletion.catch(() => undefined);
      await restore(field.id);
    });
  };

  const add = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      const field = await track(() => api.call('fields.create', { name: trimmed }));
      setName('');
      useApp.setState((s) => ({ fields: [...s.fields, field] }));
    } catch (error) {
      showNotice(errorMessage(error), 'error');
    }
  };

  return (
    <div>
      <p className="hint">{vi.settings.fieldsHint}</p>
      <ol className="field-list">
        {fields.map((f, i) => (
          <FieldRow key={f.id} field={f} index={i} last={i === fields.length - 1} onDelete={remove} />
        ))}
      </ol>
      <AddNameRow value={name} onChange={setName} onAdd={() => void add()} label={vi.settings.newField} button={vi.settings.addField} testId="new-field-name" buttonTestId="add-field" />
      {deleted.length > 0 ? (
        <>
          <h3>{vi.settings.deletedFields}</h3>
          <ul className="deleted-list">
            {deleted.map((f) => (
              <li key={f.id}>
                <span>{f.name}</span>
                <button type="button" className="btn btn-small" onClick={() => void restore(f.id).catch((error) => showNotice(errorMessage(error), 'error'))}>
                  {vi.settings.restore}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The fingerprint of the unit's signing key, as the parent unit may ask for it over the phone. */
function OwnKeyCard() {
  const unitId = useApp((s) => s.unit?.id);
  const [key, setKey] = useState<OwnKey | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.call('keys.own', {}).then(
      (k) => live && setKey(k),
      (error) => {
        if (!live) return;
        setKey(null);
        showNotice(errorMessage(error), 'error');
      },
    );
    return () => {
      live = false;
    };
  }, [unitId]);
  return (
    <section className="card" aria-labelledby="own-key-title">
      <h2 id="own-key-title">{vi.settings.key}</h2>
      {key === undefined ? (
        <p className="muted">{vi.app.loading}</p>
      ) : key ? (
        <>
          <span className="label">{vi.settings.keyFingerprint}</span>
          <p className="fingerprint fingerprint-large" data-testid="own-key-fingerprint">
            {key.fingerprint}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="own-key-fingerprint">
          {vi.settings.keyNone}
        </p>
      )}
      <p className="hint">{vi.settings.keyHint}</p>
    </section>
  );
}

export function SettingsScreen() {
  const unit = useApp((s) => s.unit);
  return (
    <main className="page" data-testid="settings-screen">
      <h1>{vi.settings.title}</h1>
      <section className="card">
        <h2>{vi.settings.unit}</h2>
        <UnitForm unit={unit} suggest={false} onSaved={(u) => useApp.setState({ unit: u })} />
      </section>
      <OwnKeyCard />
      <section className="card">
        <h2>{vi.settings.fields}</h2>
        <FieldsEditor />
      </section>
      <DeadlineDaysCard />
      <section className="card" aria-labelledby="agencies-title">
        <h2 id="agencies-title">{vi.agencies.title}</h2>
        <AgencyCatalog />
      </section>
    </main>
  );
}
