// Each domain owns its tables: finds the table names in Kysely calls (selectFrom, insertInto, updateTable, deleteFrom,
// joins) and raw sql`` text in every file of src/, and reports each use of a table outside its owner's folder
// (src/db/table_owners.ts). `npm run deps` runs it; test/structure/table_owners.test.ts proves it both ways.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVERY_TABLE, KNOWN_CROSSINGS, TABLE_OWNERS, ownerOf } from '../src/db/table_owners.ts';

export interface TableUse { file: string; line: number; table: string; how: string }
export interface Problem { file: string; line: number; message: string }

const BUILDER = /\.\s*(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|innerJoinLateral|leftJoinLateral)\s*\(\s*(\[[^\]]*\]|(['"`])[^'"`]*\3)/g;
const RAW = /\bsql\s*(?:<[^`]*?>)?\s*`((?:[^`\\]|\\.)*)`/g;
const RAW_TABLE = /\b(?:from|join|into|update|table)\s+"?([a-z_][a-z0-9_]*)"?/gi;
const CTE = /\.with\s*\(\s*['"]([a-z_][a-z0-9_]*)['"]|\bwith\s+(?:recursive\s+)?([a-z_][a-z0-9_]*)\s+as\s*\(/gi;

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** The tables one file's source names in queries (CTE names left out). */
export function tableUses(file: string, text: string): TableUse[] {
  const ctes = new Set([...text.matchAll(CTE)].map((m) => (m[1] ?? m[2]).toLowerCase()));
  const uses: TableUse[] = [];
  for (const m of text.matchAll(BUILDER)) {
    for (const q of m[2].matchAll(/(['"`])([a-z_][a-z0-9_]*)[^'"`]*\1/g)) {
      if (!ctes.has(q[2])) uses.push({ file, line: lineAt(text, m.index), table: q[2], how: m[1] });
    }
  }
  for (const m of text.matchAll(RAW)) {
    for (const t of m[1].matchAll(RAW_TABLE)) {
      const table = t[1].toLowerCase();
      // Raw text is SQL and prose alike ("from the ..."): only known table names count.
      if (ownerOf(table) && !ctes.has(table)) uses.push({ file, line: lineAt(text, m.index + 4 + (t.index ?? 0)), table, how: 'sql' });
    }
  }
  return uses;
}

/** The folder of src/ a file belongs to ('' for the files at the top of src/). */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : '';
}

/** Every use of a table outside its owner, of a table nobody owns, and (when `files` is all of src/) every stale
 * known crossing. */
export function problems(files: { file: string; text: string }[], whole = true): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const { file, text } of files) {
    const folder = folderOf(file);
    if (EVERY_TABLE.includes(folder)) continue;
    for (const u of tableUses(file, text)) {
      const owner = ownerOf(u.table);
      if (!owner) { out.push({ file, line: u.line, message: `${u.how}('${u.table}'): no domain owns table ${u.table} (add it to src/db/table_owners.ts)` }); continue; }
      if (owner === folder) continue;
      if (KNOWN_CROSSINGS.some((c) => c.file === file && c.table === u.table)) { seen.add(`${file} ${u.table}`); continue; }
      out.push({ file, line: u.line, message: `${u.how}('${u.table}'): table ${u.table} belongs to src/${owner}/; call its functions instead` });
    }
  }
  for (const c of KNOWN_CROSSINGS) {
    if (!seen.has(`${c.file} ${c.table}`) && (whole || files.some((f) => f.file === c.file))) {
      out.push({ file: c.file, line: 0, message: `src/db/table_owners.ts lists ${c.file} using ${c.table}, which it no longer does: remove the entry` });
    }
  }
  return out;
}

/** Every .ts/.tsx file under a folder, with its path relative to the repository root. */
export function sourceFiles(root: string, dir = 'src'): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(root, dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(root, join(dir, name)));
    else if (/\.tsx?$/.test(name)) out.push({ file: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
  }
  return out;
}

/** Every table named in the ownership map (for the check that the database has no table without an owner). */
export const OWNED_TABLES = Object.values(TABLE_OWNERS).flat();

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = problems(sourceFiles(fileURLToPath(new URL('../', import.meta.url))));
  for (const p of found) console.error(`${p.file}:${p.line}  ${p.message}`);
  if (found.length) {
    console.error(`\n✘ ${found.length} table ownership problem(s)`);
    process.exit(1);
  }
  console.log('✔ every table is queried only by the domain that owns it');
}
