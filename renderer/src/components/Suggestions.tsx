import type { ReactNode } from 'react';

export interface SuggestionItem {
  key: string;
  label: ReactNode;
  detail?: ReactNode;
}

/** The dropdown of a typeahead. Mouse down is prevented so the input keeps focus. */
export function Suggestions(props: {
  id: string;
  items: SuggestionItem[];
  active: number;
  onPick: (index: number) => void;
  testId?: string;
}) {
  if (props.items.length === 0) return null;
  return (
    <ul className="suggestions" role="listbox" id={props.id} data-testid={props.testId}>
      {props.items.map((item, i) => (
        <li
          key={item.key}
          id={`${props.id}-${i}`}
          role="option"
          aria-selected={i === props.active}
          className={i === props.active ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(i);
          }}
        >
          <span className="suggestion-label">{item.label}</span>
          {item.detail ? <span className="suggestion-detail">{item.detail}</span> : null}
        </li>
      ))}
    </ul>
  );
}
