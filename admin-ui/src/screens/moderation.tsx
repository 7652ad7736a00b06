import type { ScreenProps } from '../app.tsx';
import { Heading } from '../ui.tsx';

export function Moderation(_props: ScreenProps) {
  return <section><Heading text="comments.title" /></section>;
}
