// Types for scripts/build.js (plain JS so it runs before anything is built).
export const ROOT: string;
export const ENTRY: string;
export function entryOf(root?: string): string;
export function needsBuild(root?: string): boolean;
export function build(root?: string): Promise<void>;
export function nodeFlags(): string[];
