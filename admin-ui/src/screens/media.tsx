import type { ScreenProps } from '../app.tsx';
import { Heading } from '../ui.tsx';

export function MediaLibrary(_props: ScreenProps) {
  return <section><Heading text="media.title" /></section>;
}
