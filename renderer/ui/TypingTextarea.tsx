/**
 * A textarea whose Ctrl/⌘ Z takes back typing as a plain one does: the run typed since the caret was
 * last moved (Chromium's own undo), and Ctrl/⌘ Shift Z or Ctrl+Y puts it back. React's controlled
 * textarea (`value` from the store) writes the text into the element's defaultValue after every key;
 * that child-text change ends Chromium's typing run, so each letter was its own undo step (Ctrl+Z
 * after "red mug on a desk" left "red mug on a des"). This one is uncontrolled: the store hears every
 * change, and only a change from elsewhere (a preset, Recent…, another photo) is written back.
 */
import { type TextareaHTMLAttributes, useLayoutEffect, useRef } from 'react';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange'> & {
  value: string;
  onValue: (value: string) => void;
};

export function TypingTextarea({ value, onValue, ...rest }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (box && box.value !== value) box.value = value;
  }, [value]);
  return <textarea {...rest} ref={ref} onChange={(e) => onValue(e.currentTarget.value)} />;
}
