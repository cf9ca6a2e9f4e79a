/**
 * The own unit. Autosaved as a whole (unit.save takes the full record). During first-run
 * setup the header lines and place name follow the unit's name until the secretary edits
 * them herself.
 */
import { useRef, useState } from 'react';
import type { ApiInput } from '../../../shared/api/contract';
import type { Unit } from '../../../shared/api/types';
import { DOCUMENT_STYLES, UNIT_LEVELS, type UnitLevel } from '../../../shared/domain';
import { levelOf, suggestHeaders, suggestPlace } from '../lib/unit';
import { api } from '../api';
import { DOCUMENT_STYLE_LABELS, vi } from '../i18n/vi';
import { useKeyState } from '../save/hooks';
import { pushSave } from '../save/queue';

type UnitInput = Required<Omit<ApiInput<'unit.save'>, 'code'>> & { code: string | null };

function fromUnit(unit: Unit | null): UnitInput {
  return {
    name: unit?.name ?? '',
    level: unit?.level ?? 'xã',
    code: unit?.code ?? null,
    parentName: unit?.parentName ?? '',
    documentStyle: unit?.documentStyle ?? 'party',
    headerParentLine: unit?.headerParentLine ?? '',
    headerIssuerLine: unit?.headerIssuerLine ?? '',
    placeName: unit?.placeName ?? '',
  };
}

const UNIT_KEY = 'unit';

export function UnitForm(props: { unit: Unit | null; suggest: boolean; onSaved: (unit: Unit) => void }) {
  const [values, setValues] = useState<UnitInput>(() => fromUnit(props.unit));
  const [touched, setTouched] = useState<Record<string, boolean>>(() => {
    const none: Record<string, boolean> = {};
    return props.suggest ? none : { headerParentLine: true, headerIssuerLine: true, placeName: true, level: true };
  });
  const [composing, setComposing] = useState(false);
  const latest = useRef(values);
  const state = useKeyState(UNIT_KEY);
  const onSaved = useRef(props.onSaved);
  onSaved.current = props.onSaved;

  const send = (next: UnitInput) => {
    if (next.name.trim() === '') return;
    pushSave(UNIT_KEY, async () => onSaved.current(await api.call('unit.save', next)));
  };

  const change = (key: keyof UnitInput, value: string, isComposing = false) => {
    const next: UnitInput = { ...latest.current, [key]: value } as UnitInput;
    const nextTouched = key === 'name' || key === 'parentName' || key === 'documentStyle' ? touched : { ...touched, [key]: true };
    if (key !== 'name' && key !== 'parentName' && key !== 'documentStyle') setTouched(nextTouched);
    if (key === 'name' || key === 'parentName' || key === 'documentStyle') {
      const headers = suggestHeaders(next.name, next.parentName, next.documentStyle);
      if (!nextTouched.headerParentLine) next.headerParentLine = headers.headerParentLine;
      if (!nextTouched.headerIssuerLine) next.headerIssuerLine = headers.headerIssuerLine;
      if (!nextTouched.placeName) next.placeName = suggestPlace(next.name);
      const level = key === 'name' ? levelOf(next.name) : null;
      if (!nextTouched.level && level) next.level = level;
    }
    latest.current = next;
    setValues(next);
    if (!isComposing) send(next);
  };

  const text = (key: 'name' | 'parentName' | 'headerParentLine' | 'headerIssuerLine' | 'placeName', label: string, placeholder?: string) => (
    <label className="form-row">
      <span className="label">{label}</span>
      <input
        type="text"
        className="input"
        data-testid={`unit-${key}`}
        value={values[key]}
        placeholder={placeholder}
        data-saved={state === 'saved' && !composing ? 'true' : 'false'}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={(e) => {
          setComposing(false);
          change(key, e.currentTarget.value);
        }}
        onChange={(e) => change(key, e.target.value, (e.nativeEvent as InputEvent).isComposing)}
        onBlur={() => {
          if (composing) {
            setComposing(false);
            send(latest.current);
          }
        }}
      />
    </label>
  );

  return (
    <div className="form unit-form">
      {text('name', vi.unit.name, vi.unit.namePlaceholder)}
      {values.name.trim() === '' ? <p className="hint">{vi.setup.needName}</p> : null}
      <label className="form-row">
        <span className="label">{vi.unit.level}</span>
        <select
          className="input"
          data-testid="unit-level"
          value={values.level}
          onChange={(e) => {
            setTouched((t) => ({ ...t, level: true }));
            change('level', e.target.value as UnitLevel);
          }}
        >
          {UNIT_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l.charAt(0).toLocaleUpperCase('vi') + l.slice(1)}
            </option>
          ))}
        </select>
      </label>
      {text('parentName', vi.unit.parentName, vi.unit.parentPlaceholder)}
      <fieldset className="form-row">
        <legend className="label">{vi.unit.documentStyle}</legend>
        <div className="radio-group">
          {DOCUMENT_STYLES.map((style) => (
            <label key={style} className="radio">
              <input
                type="radio"
                name="documentStyle"
                data-testid={`unit-style-${style}`}
                checked={values.documentStyle === style}
                onChange={() => change('documentStyle', style)}
              />
              {DOCUMENT_STYLE_LABELS[style]}
            </label>
          ))}
        </div>
      </fieldset>
      {text('headerParentLine', vi.unit.headerParentLine)}
      {text('headerIssuerLine', vi.unit.headerIssuerLine)}
      {props.suggest ? <p className="hint">{vi.unit.headersHint}</p> : null}
      {text('placeName', vi.unit.placeName, vi.unit.placePlaceholder)}
    </div>
  );
}
