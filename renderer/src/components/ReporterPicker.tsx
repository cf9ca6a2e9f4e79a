/**
 * "Cơ quan báo cáo" in the update form: a typeahead over the agency catalog like the live
 * screen's, but it saves nothing by itself — the name goes with the form. Any name may be
 * typed (a ward office that never got a matter assigned still reports).
 */
import { useMemo, useState } from 'react';
import { fold } from '../../../shared/text';
import { vi } from '../i18n/vi';
import { isComposingKey, moveHighlight } from '../lib/keys';
import { rankMatches } from '../lib/rank';
import { useAgencies } from '../store/agencies';
import { Suggestions } from './Suggestions';

export function ReporterPicker(props: { value: string; onChange: (value: string) => void; invalid?: boolean; describedBy?: string }) {
  const agencies = useAgencies();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [typed, setTyped] = useState(false);

  const matches = useMemo(() => {
    if (!typed || props.value.trim() === '') return [];
    const exact = fold(props.value);
    return rankMatches(agencies, props.value, (a) => fold(a.name))
      .filter((a) => fold(a.name) !== exact)
      .slice(0, 8);
  }, [agencies, props.value, typed]);

  const pick = (name: string) => {
    props.onChange(name);
    setTyped(false);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="typeahead">
      <input
        type="text"
        className="input"
        data-testid="status-reported-by"
        id="status-reported-by"
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls="reporter-suggestions"
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        autoComplete="off"
        spellCheck={false}
        placeholder={vi.concern.agencyPlaceholder}
        value={props.value}
        onChange={(e) => {
          props.onChange(e.target.value);
          setTyped(true);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (isComposingKey(e) || e.altKey || e.ctrlKey || e.metaKey) return;
          if (moveHighlight(e, matches.length, setActive, setOpen)) return;
          const picked = active >= 0 ? matches[active] : undefined;
          if ((e.key === 'Enter' || e.key === 'Tab') && picked && open) {
            // The highlighted name is chosen; Enter must not also save the form.
            if (e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
            }
            pick(picked.name);
          } else if (e.key === 'Escape' && open && matches.length > 0) {
            // The first Escape closes the list, the next one the form.
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open ? (
        <Suggestions
          id="reporter-suggestions"
          items={matches.map((a) => ({ key: a.id, label: a.name }))}
          active={active}
          onPick={(i) => {
            const a = matches[i];
            if (a) pick(a.name);
          }}
          testId="reporter-suggestions"
        />
      ) : null}
    </div>
  );
}
