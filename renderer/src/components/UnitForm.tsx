/**
 * The own unit, saved when the secretary says so (the button, or Enter in any field): a
 * unit is one record, and saving it per keystroke wrote a parent unit row for every letter
 * of the parent's name. During first-run setup the header lines and place name follow the
 * unit's name until she edits them herself, and a live preview shows the header the
 * documents will print. Errors show next to their field, in Vietnamese; nothing is retried
 * behind her back, and the app header shows only what was saved.
 */
import { useState, type FormEvent } from 'react';
import type { ApiInput } from '../../../shared/api/contract';
import { unitInput } from '../../../shared/api/schemas';
import type { Unit } from '../../../shared/api/types';
import { ApiError } from '../../../shared/api/errors';
import { DOCUMENT_STYLES, UNIT_LEVELS, type UnitLevel } from '../../../shared/domain';
import { levelOf, suggestHeaders, suggestPlace, unitNameOf } from '../lib/unit';
import { api, errorMessage } from '../api';
import { DOCUMENT_STYLE_LABELS, vi } from '../i18n/vi';
import { HeaderPreview } from './HeaderPreview';

type UnitInput = Required<Omit<ApiInput<'unit.save'>, 'code'>> & { code: string | null };
type TextKey = 'name' | 'parentName' | 'headerParentLine' | 'headerIssuerLine' | 'placeName';
type Status = 'clean' | 'dirty' | 'saving' | 'saved' | 'failed';

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

/** What is sent: the name without a body typed in front of it ("UBND phường X" → "Phường X"). */
function toSave(values: UnitInput): UnitInput {
  return {
    ...values,
    name: unitNameOf(values.name),
    parentName: values.parentName.trim() ? unitNameOf(values.parentName) : '',
  };
}

/** Field errors keyed by the input's first path segment, with the field's Vietnamese label. */
function fieldErrors(issues: Array<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (!out[key]) out[key] = `${vi.unitForm.fieldLabels[key] ?? vi.unit.name}: ${issue.message}`;
  }
  return out;
}

export function UnitForm(props: {
  unit: Unit | null;
  suggest: boolean;
  onSaved: (unit: Unit) => void;
  /** The submit button: "Lưu thông tin đơn vị" in settings, "Lưu và tiếp tục" at setup. */
  submitLabel?: string;
  submitTestId?: string;
  disabled?: boolean;
}) {
  const [values, setValues] = useState<UnitInput>(() => fromUnit(props.unit));
  const [touched, setTouched] = useState<Record<string, boolean>>(() => {
    const none: Record<string, boolean> = {};
    return props.suggest ? none : { headerParentLine: true, headerIssuerLine: true, placeName: true, level: true };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>('clean');

  const change = (key: keyof UnitInput, value: string) => {
    const next: UnitInput = { ...values, [key]: value } as UnitInput;
    const follows = key === 'name' || key === 'parentName' || key === 'documentStyle' || key === 'level';
    const nextTouched = follows && key !== 'level' ? touched : { ...touched, [key]: true };
    if (nextTouched !== touched) setTouched(nextTouched);
    if (follows) {
      if (key === 'name' && !nextTouched.level) next.level = levelOf(next.name) ?? next.level;
      const headers = suggestHeaders(next.name, next.parentName, next.documentStyle, next.level);
      if (!nextTouched.headerParentLine) next.headerParentLine = headers.headerParentLine;
      if (!nextTouched.headerIssuerLine) next.headerIssuerLine = headers.headerIssuerLine;
      if (!nextTouched.placeName) next.placeName = suggestPlace(next.name);
    }
    setValues(next);
    setStatus('dirty');
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (status === 'saving') return;
    const input = toSave(values);
    // The same schema the backend checks: a wrong field is named before anything is sent.
    const checked = unitInput.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error.issues));
      setStatus('failed');
      return;
    }
    setErrors({});
    setStatus('saving');
    try {
      const saved = await api.call('unit.save', input);
      setValues(fromUnit(saved));
      setStatus('saved');
      props.onSaved(saved);
    } catch (error) {
      // Shown and left for her to correct: a refused save is never retried by itself.
      setErrors(error instanceof ApiError && error.issues?.length ? fieldErrors(error.issues) : { '': errorMessage(error) });
      setStatus('failed');
    }
  };

  const errorFor = (key: string) =>
    errors[key] ? (
      <span className="field-error" role="alert" data-testid={`unit-${key}-error`}>
        {errors[key]}
      </span>
    ) : null;

  const text = (key: TextKey, label: string, placeholder?: string) => (
    <label className="form-row">
      <span className="label">{label}</span>
      <input
        type="text"
        className="input"
        data-testid={`unit-${key}`}
        value={values[key]}
        placeholder={placeholder}
        aria-invalid={errors[key] ? true : undefined}
        onChange={(e) => change(key, e.target.value)}
      />
      {errorFor(key)}
    </label>
  );

  const stripped = unitNameOf(values.name);
  const typedBody = values.name.trim() !== '' && stripped !== values.name.trim().replace(/\s+/g, ' ') && levelOf(stripped) !== null;

  return (
    <form className="form unit-form" data-testid="unit-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="unit-form-top">
        <div className="unit-form-name">
          {text('name', vi.unit.name, vi.unit.namePlaceholder)}
          {values.name.trim() === '' && !errors.name ? <p className="hint">{vi.setup.needName}</p> : null}
          {typedBody ? (
            <p className="hint" data-testid="unit-name-stripped">
              {vi.unitForm.nameStripped(stripped)}
            </p>
          ) : null}
        </div>
        <label className="form-row unit-form-level">
          <span className="label">{vi.unit.level}</span>
          <select
            className="input"
            data-testid="unit-level"
            value={values.level}
            onChange={(e) => change('level', e.target.value as UnitLevel)}
          >
            {UNIT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l.charAt(0).toLocaleUpperCase('vi') + l.slice(1)}
              </option>
            ))}
          </select>
          {errorFor('level')}
        </label>
      </div>
      {text('parentName', vi.unit.parentName, vi.unit.parentPlaceholder)}
      <fieldset className="form-row">
        <legend className="label">{vi.unit.documentStyle}</legend>
        <div className="radio-group radio-group-explained">
          {DOCUMENT_STYLES.map((style) => (
            <label key={style} className="radio">
              <input
                type="radio"
                name="documentStyle"
                data-testid={`unit-style-${style}`}
                checked={values.documentStyle === style}
                onChange={() => change('documentStyle', style)}
              />
              <span>
                {DOCUMENT_STYLE_LABELS[style]}
                <span className="hint radio-help">{vi.unitForm.styleHelp[style]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <HeaderPreview
        style={values.documentStyle}
        parentLine={values.headerParentLine}
        issuerLine={values.headerIssuerLine}
        placeName={values.placeName}
      />
      {text('headerParentLine', vi.unit.headerParentLine)}
      {text('headerIssuerLine', vi.unit.headerIssuerLine)}
      {props.suggest ? <p className="hint">{vi.unit.headersHint}</p> : null}
      {text('placeName', vi.unit.placeName, vi.unit.placePlaceholder)}
      {errorFor('')}
      <div className="actions">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid={props.submitTestId ?? 'unit-save'}
          disabled={props.disabled || status === 'saving'}
        >
          {status === 'saving' ? vi.unitForm.saving : (props.submitLabel ?? vi.unitForm.save)}
        </button>
        <span className="muted small" data-testid="unit-form-status" data-state={status}>
          {status === 'dirty' ? vi.unitForm.unsaved : status === 'saved' ? vi.unitForm.saved : status === 'failed' ? vi.unitForm.failed : ''}
        </span>
      </div>
    </form>
  );
}
