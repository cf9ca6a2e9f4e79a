/**
 * An autosaved text input or textarea. The text lives in the component: a server answer
 * never flows back into a field the secretary is typing in (Unikey sends Backspace and
 * replacement characters; writing an older value back would eat them). During IME
 * composition nothing is sent; the composed text goes on compositionend.
 *
 * A value the backend refuses as invalid stays on screen, marked, with the reason beside
 * the field under its Vietnamese label; it is not sent again until she changes it. A value
 * that `validate` rejects is marked the same way once she leaves the field.
 */
import { useEffect, useRef, useState, type InputHTMLAttributes, type Ref, type TextareaHTMLAttributes } from 'react';
import { vi } from '../i18n/vi';
import { addUnloadHook, dropProblem, pushSave, setLocalProblem } from './queue';
import { useKeyProblem, useKeyState } from './hooks';

type Common = {
  initial: string;
  saveKey: string;
  /** Sends the value; returns nothing to send (e.g. an empty name that may not be saved). */
  save: (value: string) => Promise<unknown> | null;
  /** A message when the value cannot be saved as typed (shown after leaving the field). */
  validate?: (value: string) => string | null;
  /** A caution about a value that is saved anyway (a deadline before the conference). */
  warn?: (value: string) => string | null;
  /** The field's name for messages; defaults to its aria-label. */
  label?: string;
  /** Mirrors each change into local state (counters, other views). Not the server's answer. */
  onLocal?: (value: string) => void;
  ref?: Ref<HTMLInputElement & HTMLTextAreaElement>;
};

type InputProps = Common & { multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'ref'>;
type AreaProps = Common & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange' | 'ref'>;

export function AutoText(props: InputProps | AreaProps) {
  const { initial, saveKey, save, validate, warn, label: labelProp, onLocal, multiline, ref, onBlur, onCompositionStart, onCompositionEnd, ...rest } = props as Common &
    { multiline?: boolean } & Record<string, unknown> & {
      onBlur?: (e: React.FocusEvent<HTMLInputElement & HTMLTextAreaElement>) => void;
      onCompositionStart?: (e: React.CompositionEvent<HTMLInputElement & HTMLTextAreaElement>) => void;
      onCompositionEnd?: (e: React.CompositionEvent<HTMLInputElement & HTMLTextAreaElement>) => void;
    };
  // The name she sees for the field: given, its aria-label, or the caption of its <label>.
  const domLabel = useRef<string | null>(null);
  const ownLabel = labelProp ?? (typeof rest['aria-label'] === 'string' ? rest['aria-label'] : undefined);
  const labelFor = (el: Element | null): string => {
    if (ownLabel) return ownLabel;
    const caption = el?.closest('label')?.querySelector('.label')?.textContent?.trim();
    if (caption) domLabel.current = caption;
    return domLabel.current ?? (typeof rest.placeholder === 'string' && rest.placeholder ? rest.placeholder : vi.typing.notSaved);
  };
  const label = ownLabel ?? domLabel.current ?? vi.typing.notSaved;
  const [text, setText] = useState(initial);
  const [unsent, setUnsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [showProblem, setShowProblem] = useState(false);
  const composing = useRef(false);
  const latest = useRef(initial);
  const saveRef = useRef(save);
  saveRef.current = save;
  const state = useKeyState(saveKey);
  const refused = useKeyProblem(saveKey);

  const send = (value: string, el: Element | null) => {
    const fieldLabel = labelFor(el);
    const message = validate ? validate(value) : null;
    setProblem(message);
    if (message) {
      setUnsent(true);
      return;
    }
    setShowProblem(false);
    setUnsent(false);
    const saver = saveRef.current;
    pushSave(saveKey, () => saver(value) ?? Promise.resolve(), { label: fieldLabel });
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

  // A malformed value she left counts as refused (indicator, leaving warns) until fixed.
  useEffect(() => {
    setLocalProblem(saveKey, showProblem ? problem : null, { label });
  }, [saveKey, showProblem, problem, label]);

  // The field is gone (she left the screen knowing, or the item was removed).
  useEffect(() => () => dropProblem(saveKey), [saveKey]);

  const handlers = {
    value: text,
    onChange: (e: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      const value = e.target.value;
      latest.current = value;
      setText(value);
      onLocal?.(value);
      if (composing.current || (e.nativeEvent as InputEvent).isComposing) setUnsent(true);
      else send(value, e.target);
    },
    onCompositionStart: (e: React.CompositionEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      composing.current = true;
      onCompositionStart?.(e);
    },
    onCompositionEnd: (e: React.CompositionEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      composing.current = false;
      const value = e.currentTarget.value;
      latest.current = value;
      send(value, e.currentTarget);
      onCompositionEnd?.(e);
    },
    onBlur: (e: React.FocusEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      composing.current = false;
      if (unsent) send(latest.current, e.currentTarget);
      if (problem) {
        labelFor(e.currentTarget);
        setShowProblem(true);
      }
      onBlur?.(e);
    },
    'data-saved': state === 'saved' && !unsent ? 'true' : 'false',
    'aria-invalid': (showProblem && problem) || refused ? true : undefined,
  };

  const control = multiline ? (
    <textarea ref={ref} {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...handlers} />
  ) : (
    <input ref={ref} type="text" {...(rest as InputHTMLAttributes<HTMLInputElement>)} {...handlers} />
  );
  const shownProblem = showProblem && problem ? problem : refused ? vi.typing.refusedAt(label, refused) : null;
  const caution = !shownProblem && warn ? warn(text) : null;
  const messages = (
    <>
      {shownProblem ? (
        <span className="field-message" role="alert" data-testid="field-problem">
          {shownProblem}
        </span>
      ) : null}
      {caution ? (
        <span className="field-message field-caution" data-testid="field-caution">
          {caution}
        </span>
      ) : null}
    </>
  );
  // The same tree whether or not a message shows: the input must never be remounted (focus).
  if (!validate && !warn) {
    return (
      <>
        {control}
        {messages}
      </>
    );
  }
  return (
    <span className="field-with-message">
      {control}
      {messages}
    </span>
  );
}
