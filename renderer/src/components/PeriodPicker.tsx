/**
 * The period of the overview: two dd/mm/yyyy boxes and quick choices for a year (whole
 * year, halves, quarters). A typed period applies as soon as both dates are real and in order.
 */
import { useEffect, useState } from 'react';
import { vi } from '../i18n/vi';
import { formatDateVn, parseDateVn } from '../lib/format';
import { setPeriod, useOverview, yearPeriod, type Period } from '../store/overview';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Months from..to (1-based, inclusive) of a year. */
function months(year: number, from: number, to: number): Period {
  return { from: `${year}-${pad(from)}-01`, to: `${year}-${pad(to)}-${pad(lastDay(year, to))}` };
}

function quickChoices(year: number): Array<{ id: string; label: string; period: Period }> {
  return [
    { id: 'year', label: vi.overview.wholeYear, period: yearPeriod(year) },
    { id: 'h1', label: vi.overview.firstHalf, period: months(year, 1, 6) },
    { id: 'h2', label: vi.overview.secondHalf, period: months(year, 7, 12) },
    ...['I', 'II', 'III', 'IV'].map((q, i) => ({ id: `q${i + 1}`, label: vi.overview.quarter(q), period: months(year, i * 3 + 1, i * 3 + 3) })),
  ];
}

/** A dd/mm/yyyy box of the period. */
function DateBox(props: { label: string; testId: string; invalid: boolean; value: string; onChange: (value: string) => void }) {
  return (
    <label className="form-row">
      <span className="label">{props.label}</span>
      <input
        className="input input-date"
        inputMode="numeric"
        data-testid={props.testId}
        aria-invalid={props.invalid || undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

export function PeriodPicker() {
  const period = useOverview((s) => s.period);
  const [from, setFrom] = useState(formatDateVn(period.from));
  const [to, setTo] = useState(formatDateVn(period.to));
  const [year, setYear] = useState(Number(period.from.slice(0, 4)));

  // A quick choice (or a period set elsewhere) shows in the boxes, and a typed period
  // moves the quick choices to its year.
  useEffect(() => {
    setFrom(formatDateVn(period.from));
    setTo(formatDateVn(period.to));
    setYear(Number(period.from.slice(0, 4)));
  }, [period]);

  const fromIso = parseDateVn(from);
  const toIso = parseDateVn(to);
  const fromBad = from.trim() !== '' && !fromIso;
  const toBad = to.trim() !== '' && !toIso;
  const reversed = fromIso !== null && toIso !== null && fromIso > toIso;

  const typed = (nextFrom: string, nextTo: string) => {
    const a = parseDateVn(nextFrom);
    const b = parseDateVn(nextTo);
    if (a && b && a <= b && (a !== period.from || b !== period.to)) setPeriod({ from: a, to: b });
  };

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(year)) years.push(year);

  return (
    <section className="card" aria-labelledby="period-title">
      <h2 id="period-title">{vi.overview.period}</h2>
      <div className="period">
        <DateBox label={vi.overview.from} testId="period-from" invalid={fromBad || reversed} value={from} onChange={(v) => {
            setFrom(v);
            typed(v, to);
          }}
        />
        <DateBox label={vi.overview.to} testId="period-to" invalid={toBad || reversed} value={to} onChange={(v) => {
            setTo(v);
            typed(from, v);
          }}
        />
        <label className="form-row">
          <span className="label">{vi.overview.year}</span>
          <select
            className="input input-year"
            data-testid="period-year"
            value={year}
            onChange={(e) => {
              const y = Number(e.target.value);
              setYear(y);
              setPeriod(yearPeriod(y));
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <div className="form-row">
          <span className="label" id="quick-label">
            {vi.overview.quick}
          </span>
          <div className="quick-choices" role="group" aria-labelledby="quick-label">
            {quickChoices(year).map((q) => (
              <button
                key={q.id}
                type="button"
                className="btn btn-small"
                data-testid={`period-${q.id}`}
                aria-pressed={q.period.from === period.from && q.period.to === period.to}
                onClick={() => setPeriod(q.period)}
              >
                {q.label}
              </button>
            ))}
          </div>
        </div>
      </div>
      {fromBad || toBad ? (
        <p className="field-message" role="alert">
          {vi.errors.badDate}
        </p>
      ) : reversed ? (
        <p className="field-message" role="alert">
          {vi.overview.badPeriod}
        </p>
      ) : null}
    </section>
  );
}
