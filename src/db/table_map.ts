// The database's own description of its tables (columns, primary key, which columns point at which table), read
// from SQLite's pragmas or PostgreSQL's catalogs, and the order in which tables can be filled so every reference
// finds its row. The JSON export and import walk every table with it, including tables added after they were written.
import { sql } from 'kysely';
import type { Db } from './schema.ts';
import { dialectOf } from './index.ts';

export interface TableShape {
  name: string;
  /** in the table's own order */
  columns: string[];
  /** the primary key's columns, in key order (empty when the table has none) */
  primaryKey: string[];
  /** column -> the table it refers to (a foreign key) */
  references: Record<string, string>;
  /** true for an auto-numbered single-column key (a PostgreSQL sequence to move on after an import) */
  numbered: boolean;
}

/** Every ordinary table of the database (SQLite's and Kysely's bookkeeping left out). */
export async function describeTables(db: Db): Promise<TableShape[]> {
  return dialectOf(db) === 'postgres' ? describePostgres(db) : describeSqlite(db);
}

async function describeSqlite(db: Db): Promise<TableShape[]> {
  const { rows: tables } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'table' order by name`.execute(db);
  const out: TableShape[] = [];
  for (const t of tables) {
    if (t.name.startsWith('sqlite_') || t.name.startsWith('kysely_') || /^create virtual/i.test(t.sql ?? '')) continue;
    const { rows: cols } = await sql<{ name: string; type: string; pk: number }>`select name, type, pk from pragma_table_info(${t.name})`.execute(db);
    const { rows: fks } = await sql<{ table: string; from: string }>`select "table", "from" from pragma_foreign_key_list(${t.name})`.execute(db);
    const primaryKey = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    out.push({
      name: t.name,
      columns: cols.map((c) => c.name),
      primaryKey,
      references: Object.fromEntries(fks.map((f) => [f.from, f.table])),
      numbered: primaryKey.length === 1 && /^integer$/i.test(cols.find((c) => c.name === primaryKey[0])?.type ?? ''),
    });
  }
  return out;
}

async function describePostgres(db: Db): Promise<TableShape[]> {
  const { rows: cols } = await sql<{ table: string; column: string; numbered: boolean }>`
    select c.relname as table, a.attname as column, (a.atthasdef and pg_get_expr(d.adbin, d.adrelid) like 'nextval(%') as numbered
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_catalog.pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
     where ns.nspname = current_schema() and c.relkind in ('r', 'p')
     order by c.relname, a.attnum`.execute(db);
  const { rows: keys } = await sql<{ table: string; column: string; kind: string; target: string | null; position: number }>`
    select c.relname as table, a.attname as column, con.contype as kind, t.relname as target, k.n as position
      from pg_catalog.pg_constraint con
      join pg_catalog.pg_class c on c.oid = con.conrelid
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      cross join lateral unnest(con.conkey) with ordinality as k(attnum, n)
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      left join pg_catalog.pg_class t on t.oid = con.confrelid
     where ns.nspname = current_schema() and con.contype in ('p', 'f')
     order by c.relname, con.contype, k.n`.execute(db);
  const tables = new Map<string, TableShape>();
  for (const r of cols) {
    if (r.table.startsWith('kysely_')) continue;
    let t = tables.get(r.table);
    if (!t) tables.set(r.table, (t = { name: r.table, columns: [], primaryKey: [], references: {}, numbered: false }));
    t.columns.push(r.column);
    if (r.numbered) t.numbered = true;
  }
  for (const k of keys) {
    const t = tables.get(k.table);
    if (!t) continue;
    if (k.kind === 'p') t.primaryKey.push(k.column);
    else if (k.target) t.references[k.column] = k.target;
  }
  for (const t of tables.values()) t.numbered = t.numbered && t.primaryKey.length === 1;
  return [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The tables in an order that fills each one after the tables it refers to (a table's references to itself are
 * left to the caller). Throws when tables refer to each other in a circle. */
export function fillingOrder(tables: TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: TableShape[] = [];
  const visit = (t: TableShape) => {
    if (done.has(t.name)) return;
    if (visiting.has(t.name)) throw new Error(`tables refer to each other in a circle through ${t.name}`);
    visiting.add(t.name);
    for (const target of Object.values(t.references)) {
      const dep = byName.get(target);
      if (dep && dep.name !== t.name) visit(dep);
    }
    visiting.delete(t.name);
    done.add(t.name);
    order.push(t);
  };
  for (const t of tables) visit(t);
  return order;
}

/** PostgreSQL: moves a numbered table's sequence past its highest key, so rows added after an import with kept ids
 * get new numbers. SQLite keeps its counters up to date by itself. */
export async function catchUpNumbering(db: Db, table: TableShape): Promise<void> {
  if (dialectOf(db) !== 'postgres' || !table.numbered) return;
  const key = table.primaryKey[0];
  await sql`select setval(pg_get_serial_sequence(${table.name}, ${key}), coalesce((select max(${sql.ref(key)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(db);
}
