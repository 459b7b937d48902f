/** A rate limit's words, counting down to `at` and then saying it can be tried again (toast-logic.ts `countdownMessage`). */
import { useEffect, useState } from 'react';
import { countdownMessage } from '../model/toast-logic';

export function Countdown({ message, at }: { message: string; at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (now >= at) return;
    const t = setTimeout(() => setNow(Date.now()), Math.min(1000, at - now));
    return () => clearTimeout(t);
  }, [now, at]);
  // Not read out again every second: the alert (or the models' status) said the message once, as it came.
  return <span aria-live="off">{countdownMessage(message, at - now)}</span>;
}
