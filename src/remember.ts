// A bounded memo for pure work that repeats from request to request (formatted dates, image srcsets and markup, compressed
// pages): keeps up to `size` results and forgets the oldest first, so memory stays flat whatever the traffic.
export type Remember<T> = (key: string, make: () => T) => T;

export function remember<T>(size: number): Remember<T> {
  const kept = new Map<string, T>();
  return (key, make) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = make();
      if (kept.size >= size) kept.delete(kept.keys().next().value!);
      kept.set(key, value);
    }
    return value;
  };
}
