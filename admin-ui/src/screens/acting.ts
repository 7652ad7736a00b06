// What the people and safety screens share when a person acts: ask first when it cannot be undone, run the change,
// then say what happened (or show why not) and load the screen's lists again.
import { useState } from 'preact/hooks';

export function useActing(reload: () => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  /** Runs a change; `done` is said after it, `ask` (when given) is confirmed before it. */
  const act = async (run: () => Promise<unknown>, done: string, ask?: string) => {
    if (ask && !confirm(ask)) return;
    setError(null);
    setNote('');
    try {
      await run();
      setNote(done);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  return { error, setError, note, setNote, act };
}
