// A choice that takes effect only when its button is pressed (a role, a section): moving through a closed select
// with the arrow keys changes it at each step in some browsers, and each step must not be a change on the server.
import { useEffect, useState } from 'preact/hooks';

export function PickAndApply({ label, value, options, button, who, onApply }: {
  label: string; value: string; options: { value: string; label: string }[]; button: string; who: string; onApply: (v: string) => void;
}) {
  const [picked, setPicked] = useState(value);
  useEffect(() => setPicked(value), [value]);
  return (
    <span class="pick-apply">
      <select aria-label={label} value={picked} onChange={(e) => setPicked((e.target as HTMLSelectElement).value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <button type="button" class="quiet" disabled={picked === value} onClick={() => onApply(picked)}>{button}<span class="visually-hidden"> {who}</span></button>
    </span>
  );
}
