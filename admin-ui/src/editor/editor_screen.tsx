import type { ScreenProps } from '../app.tsx';
import { Heading } from '../ui.tsx';

export function EditorScreen(_props: ScreenProps) {
  return <section><Heading text="editor.title" /></section>;
}
