/**
 * Adds a child unit by hand, so that the count of who has reported knows who should.
 * The level follows the name ("Phường Hòa Bình" → phường) until chosen by hand.
 */
import { useState } from 'react';
import { UNIT_LEVELS, type UnitLevel } from '../../../shared/domain';
import { vi } from '../i18n/vi';
import { levelOf } from '../lib/unit';
import { addChildUnit } from '../store/overview';

const capitalised = (l: string) => l.charAt(0).toLocaleUpperCase('vi') + l.slice(1);

export function AddChildUnit() {
  const [name, setName] = useState('');
  const [level, setLevel] = useState<UnitLevel>('xã');
  const [levelChosen, setLevelChosen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem(vi.errors.required);
      return;
    }
    setBusy(true);
    if (await addChildUnit(trimmed.normalize('NFC'), level)) {
      setName('');
      setLevelChosen(false);
    }
    setBusy(false);
  };

  return (
    <section className="card" aria-labelledby="add-unit-title">
      <h2 id="add-unit-title">{vi.overview.addUnit}</h2>
      <p className="hint">{vi.overview.addUnitHint}</p>
      <form
        className="add-unit"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="form-row grow">
          <span className="label">{vi.overview.unitName}</span>
          <input
            type="text"
            className="input"
            data-testid="child-unit-name"
            placeholder={vi.overview.unitNamePlaceholder}
            aria-invalid={problem ? true : undefined}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
              const guessed = levelOf(e.target.value);
              if (!levelChosen && guessed) setLevel(guessed);
            }}
          />
          {problem ? (
            <span className="field-message" role="alert">
              {problem}
            </span>
          ) : null}
        </label>
        <label className="form-row">
          <span className="label">{vi.overview.level}</span>
          <select
            className="input"
            data-testid="child-unit-level"
            value={level}
            onChange={(e) => {
              setLevel(e.target.value as UnitLevel);
              setLevelChosen(true);
            }}
          >
            {UNIT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {capitalised(l)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" data-testid="add-child-unit" disabled={busy}>
          {vi.overview.add}
        </button>
      </form>
    </section>
  );
}
