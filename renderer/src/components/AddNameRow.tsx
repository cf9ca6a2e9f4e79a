import { isComposingKey } from '../lib/keys';

/**
 * A name box with its Add button, as under the registered speakers and the field list.
 * Enter adds, except while an input method is still composing the word.
 */
export function AddNameRow(props: { value: string; onChange: (v: string) => void; onAdd: () => void; label: string; button: string; testId: string; buttonTestId: string }) {
  return (
    <div className="list-row">
      <input
        type="text"
        className="input grow"
        data-testid={props.testId}
        placeholder={props.label}
        aria-label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !isComposingKey(e)) {
            e.preventDefault();
            props.onAdd();
          }
        }}
      />
      <button type="button" className="btn" data-testid={props.buttonTestId} onClick={props.onAdd}>
        {props.button}
      </button>
    </div>
  );
}
