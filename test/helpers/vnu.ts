// The Nu Html Checker (vnu.jar) for tests: many pages in one Java call, since the JVM takes ~2 s to start.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  message: string;
  extract?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

/** Validates each named HTML document; returns the checker's messages per name (empty list: valid). */
export async function validateHtml(pages: Record<string, string>): Promise<Record<string, VnuMessage[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-vnu-'));
  try {
    const byUrl = new Map<string, string>();
    const files = Object.entries(pages).map(([name, html], i) => {
      const file = join(dir, `${i}.html`);
      writeFileSync(file, html);
      byUrl.set(pathToFileURL(file).href.replace('file:///', 'file:/'), name);
      return file;
    });
    const out: Record<string, VnuMessage[]> = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
    if (files.length === 0) return out;
    const report = await runVnu(['--format', 'json', '--exit-zero-always', ...files]);
    for (const m of report.messages) {
      const name = byUrl.get(m.url ?? '') ?? byUrl.get((m.url ?? '').replace('file:///', 'file:/'));
      if (name === undefined) throw new Error(`vnu reported on an unknown file: ${JSON.stringify(m)}`);
      out[name].push(m);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Only the errors (and fatal non-document errors), formatted one per line for an assertion message. */
export function vnuErrors(messages: VnuMessage[]): string[] {
  return messages.filter((m) => m.type !== 'info').map((m) => `line ${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.replace(/\s+/g, ' ')}]` : ''}`);
}

function runVnu(args: string[]): Promise<{ messages: (VnuMessage & { url?: string })[] }> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-Xss4m', '-jar', VNU_JAR, ...args], { maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) return reject(new Error(`vnu failed (is a Java runtime installed?): ${err.message}\n${stderr}`));
      try {
        resolve(JSON.parse(stderr));
      } catch {
        reject(new Error(`vnu gave no JSON report: ${stderr.slice(0, 2000)}`));
      }
    });
  });
}
