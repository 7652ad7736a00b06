// `khabar verify-mirror URL|DIR [--key KEY]`: checks a copy of the site against its signed manifest (src/mirrors).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { publicKeyFrom, storedPublicKey } from '../mirrors/signing.ts';
import { verifyCopy, type CopyReport } from '../mirrors/verify.ts';
import { helpText, type Command } from './command.ts';

const USAGE = 'Usage: khabar verify-mirror URL|DIR [--key PUBLIC_KEY]';

const PROBLEMS: Record<NonNullable<CopyReport['problem']>, string> = {
  unreachable: 'its signed manifest (khabar-mirror.json and khabar-mirror.json.sig) could not be read',
  signature: "its manifest is not signed with the newsroom's key: this is not the newsroom's copy, or it was altered",
  format: 'it has no signed manifest Khabar can read',
};

/** The report as lines for a person. */
export function describeReport(source: string, r: CopyReport): string[] {
  if (r.problem) return [`${source}: NOT VERIFIED: ${PROBLEMS[r.problem]}.`];
  const lines = [`${source}: copy of ${r.origin} made ${r.generatedAt}; ${r.checked} files checked.`];
  const list = (what: string, files: string[]) => {
    if (files.length) lines.push(`${files.length} ${what}: ${files.slice(0, 20).join(', ')}${files.length > 20 ? ', ...' : ''}`);
  };
  list('changed', r.changed);
  list('missing', r.missing);
  list('not in the manifest', r.extra);
  lines.push(r.ok ? 'VERIFIED: every file is as the newsroom signed it.' : 'NOT VERIFIED: the copy differs from what the newsroom signed.');
  return lines;
}

export const verifyMirror: Command = {
  summary: "verify-mirror URL|DIR: check a mirror or a copy on disk against the newsroom's signed manifest",
  help: helpText(USAGE, `Checks a copy of the public site, served at URL or in the folder DIR, against the manifest signed with
the newsroom's Ed25519 key: the signature must hold and every file must have the hash the manifest lists. Names
every changed and missing file (and, for a folder, every file the manifest does not list). Exit code 0 when the
copy is whole, 1 when it is not.

--key is the newsroom's public key (43 characters, shown in the footer of the newsroom's site and of every copy).
Without it, the key of the newsroom whose database this installation reaches is used.`),
  async run(args) {
    let parsed: { values: { key?: string }; positionals: string[] } | null;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' } } });
    } catch {
      parsed = null;
    }
    const source = parsed?.positionals[0];
    if (!parsed || !source || parsed.positionals.length !== 1) {
      console.error(USAGE);
      process.exitCode = 2;
      return;
    }
    let keyText = parsed.values.key;
    if (!keyText) {
      const runtime = await createRuntime(loadConfig());
      try {
        keyText = (await storedPublicKey(runtime.ctx)) ?? undefined;
      } finally {
        await runtime.close();
      }
      if (!keyText) {
        console.error('This newsroom has no signing key yet (it is made by the first export). Give the key with --key.');
        process.exitCode = 2;
        return;
      }
    }
    const key = publicKeyFrom(keyText);
    if (!key) {
      console.error('--key must be an Ed25519 public key: 43 characters of letters, digits, - and _.');
      process.exitCode = 2;
      return;
    }
    const report = await verifyCopy(source, key);
    for (const line of describeReport(source, report)) console.log(line);
    process.exitCode = report.ok ? 0 : 1;
  },
};
