/**
 * An autosaved text input or textarea. The text lives in the component: a server answer
 * never flows back into a field the secretary is typing in (Unikey sends Backspace and
 * replacement characters; writing an older value back would eat them). During IME
 * composition nothing is sent; the composed text goes on compositionend.
 */
import { useEffect, useRef, useState, type InputHTMLAttributes, type Ref, type TextareaHTMLAttributes } from 'react';
import { addUnloadHook, pushSave } from './queue';
import { useKeyState } from './hooks';

type Common = {
  initial: string;
  saveKey: string;
  /** Sends the value; returns nothing to send (e.g. an empty name that may not be saved). */
  save: (value: string) => Promise<unknown> | null;
  /** A message when the value cannot be saved as typed (shown after leaving the field). */
  validate?: (value: string) => string | null;
  /** Mirrors each change into local state (counters, other views). Not the server's answer. */
  onLocal?: (value: string) => void;
  ref?: Ref<HTMLInputElement & HTMLTextAreaElement>;
};

type InputProps = Common & { multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'ref'>;
type AreaProps = Common & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange' | 'ref'>;

export function AutoText(props: InputProps | AreaProps) {
  const { initial, saveKey, save, validate, onLocal, multiline, ref, onBlur, onCompositionStart, onCompositionEnd, ...rest } = props as Common &
    { multiline?: boolean } & Record<string, unknown> & {
      onBlur?: (e: React.FocusEvent<HTMLInputElement & HTMLTextAreaElement>) => void;
      onCompositionStart?: (e: React.CompositionEvent<HTMLInputElement & HTMLTextAreaElement>) => void;
      onCompositionEnd?: (e: React.CompositionEvent<HTMLInputElement & HTMLTextAreaElement>) => void;
    };
  const [text, setText] = useState(initial);
  const [unsent, setUnsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [showProblem, setShowProblem] = useState(false);
  const composing = useRef(false);
  const latest = useRef(initial);
  const saveRef = useRef(save);
  saveRef.current = save;
  const state = useKeyState(saveKey);

  const send = (value: string) => {
    const message = validate ? validate(value) : null;
    setProblem(message);
    if (message) {
      setUnsent(true);
      return;
    }
    setShowProblem(false);
    setUnsent(false);
    const saver = saveRef.current;
    pushSave(saveKey, () => saver(value) ?? Promise.resolve());
  };

  // While composing, leaving the page must still send the text typed so far.
  useEffect(() => {
    if (!unsent) return;
    return addUnloadHook(() => {
      if (!validate || !validate(latest.current)) {
        const saver = saveRef.current;
        pushSave(saveKey, () => saver(latest.current) ?? Promise.resolve());
      }
    });
  }, [unsent, saveKey, validate]);

  const handlers = {
    value: text,
    onChange: (e: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      const value = e.target.value;
      latest.current = value;
      setText(value);
      onLocal?.(value);
      if (composing.current || (e.nativeEvent as InputEvent).isComposing) setUnsent(true);
      else send(value);
    },
    onCompositionStart: (e: React.CompositionEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      composing.current = true;
      onCompositionStart?.(e);
    },
    onCompositionEnd: (e: React.CompositionEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      composing.current = false;
      const value = e.currentTarget.value;
      latest.current = value;
      send(value);
      onCompositionEnd?.(e);
    },
    onBlur: (e: React.FocusEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      composing.current = false;
      if (unsent) send(latest.current);
      if (problem) setShowProblem(true);
      onBlur?.(e);
    },
    'data-saved': state === 'saved' && !unsent ? 'true' : 'false',
    'aria-invalid': showProblem && problem ? true : undefined,
  };

  const control = multiline ? (
    <textarea ref={ref} {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...handlers} />
  ) : (
    <input ref={ref} type="text" {...(rest as InputHTMLAttributes<HTMLInputElement>)} {...handlers} />
  );
  if (!validate) return control;
  return (
    <span className="field-with-message">
      {control}
      {showProblem && problem ? (
        <span className="field-message" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
