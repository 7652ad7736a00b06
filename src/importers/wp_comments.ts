// WordPress comments of one post, written in the post's transaction: approved ones with their threading, pending
// ones held, spam and trash dropped (or kept, never shown, when asked), pingbacks and trackbacks dropped. Replies
// deeper than the site's comment depth sit beside their parent, as they would if posted here. A chain 10,000
// replies deep is walked level by level, never by recursion.
import type { Db } from '../db/schema.ts';
import type { Insertable } from 'kysely';
import type { CommentDecisionsTable, CommentStatus } from '../comments/tables.ts';
import { bodyHash } from '../comments/fold.ts';
import { networkOf, normalizeIp } from '../comments/network.ts';
import { plainText, sanitizeBody } from '../content/sanitize.ts';
import type { ImportRun } from './run.ts';
import type { WxrComment } from './wxr_reader.ts';
import { wpTime } from './wp_dates.ts';

interface Later {
  decisions: Insertable<CommentDecisionsTable>[];
  mapped: [string, number][];
}

const STATUS: Record<string, CommentStatus> = { '1': 'approved', approve: 'approved', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };

/** Writes a post's comments; `fresh` when the post is new in this run (none of its comments can be known yet). */
export async function importComments(run: ImportRun, trx: Db, articleId: number, postLabel: string, comments: WxrComment[], maxDepth: number,
  fresh = false): Promise<void> {
  const byId = new Map<string, WxrComment>();
  const children = new Map<string, WxrComment[]>();
  const wanted: WxrComment[] = [];
  for (const c of comments) {
    if (c.type === 'pingback' || c.type === 'trackback') {
      run.count('comments', 'skipped');
      continue;
    }
    const status = STATUS[c.approved.trim()];
    if (!status) {
      run.warn(`${postLabel}, comment ${c.id}`, `unknown status "${c.approved}"; held for moderation`);
      c.approved = '0';
    }
    if ((status === 'spam' || status === 'trash') && !run.opts.keepSpam) {
      run.count('comments', 'skipped');
      continue;
    }
    if (!c.id || byId.has(c.id)) {
      run.warn(`${postLabel}, comment ${c.id || '(no id)'}`, c.id ? 'appears twice; the first is kept' : 'has no id; skipped');
      run.count('comments', 'skipped');
      continue;
    }
    byId.set(c.id, c);
    wanted.push(c);
  }
  const roots: WxrComment[] = [];
  for (const c of wanted) {
    const parent = c.parent && c.parent !== '0' ? c.parent : '';
    if (parent && byId.has(parent) && parent !== c.id) {
      const list = children.get(parent) ?? [];
      list.push(c);
      children.set(parent, list);
    } else {
      if (parent && !byId.has(parent)) run.warn(`${postLabel}, comment ${c.id}`, `its parent ${parent} is not imported; shown at the top level`);
      roots.push(c);
    }
  }
  // Level by level from the top: each comment knows its new parent and depth before it is written.
  const placed = new Map<string, { id: number; parentId: number | null; depth: number }>();
  let level: { c: WxrComment; parent: { id: number; parentId: number | null; depth: number } | null }[] = roots.map((c) => ({ c, parent: null }));
  const seen = new Set<string>();
  const later: Later = { decisions: [], mapped: [] };
  while (level.length) {
    const next: typeof level = [];
    for (const { c, parent } of level) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const place = await writeComment(run, trx, articleId, c, parent, maxDepth, fresh, later);
      if (place) placed.set(c.id, place);
      for (const child of children.get(c.id) ?? []) next.push({ c: child, parent: place });
    }
    level = next;
  }
  // Written in batches: a thread of thousands costs one statement per comment, not three.
  for (let i = 0; i < later.decisions.length; i += 500) await trx.insertInto('comment_decisions').values(later.decisions.slice(i, i + 500)).execute();
  for (const [oldId, newId] of later.mapped) await run.remember(trx, 'comment', oldId, newId, later.mapped.length);
  await run.flushMap(trx);
  for (const c of wanted) if (!seen.has(c.id)) run.warn(`${postLabel}, comment ${c.id}`, 'its replies form a loop; skipped');
}

async function writeComment(run: ImportRun, trx: Db, articleId: number, c: WxrComment, parent: { id: number; parentId: number | null; depth: number } | null,
  maxDepth: number, fresh: boolean, later: Later): Promise<{ id: number; parentId: number | null; depth: number } | null> {
  const already = fresh ? null : await run.mapped('comment', c.id, trx);
  if (already) {
    run.count('comments', 'unchanged');
    const row = await trx.selectFrom('comments').select(['id', 'parent_id', 'depth']).where('id', '=', already).executeTakeFirst();
    return row ? { id: row.id, parentId: row.parent_id, depth: row.depth } : null;
  }
  const status = STATUS[c.approved.trim()] ?? 'pending';
  // Comments are plain text here; markup (rare in comments) goes through the sanitizer first, like a body.
  const body = plainText(c.content.includes('<') ? sanitizeBody(c.content) : c.content).slice(0, 100_000);
  const at = wpTime(c.dateGmt, c.date) ?? run.ctx.clock.now().toISOString();
  let parentId: number | null = null;
  let depth = 0;
  if (parent) {
    if (parent.depth >= maxDepth) ({ parentId, depth } = parent);
    else {
      parentId = parent.id;
      depth = parent.depth + 1;
    }
  }
  const ip = normalizeIp(c.authorIp.trim() || '0.0.0.0');
  const email = c.authorEmail.trim().toLowerCase();
  const { id } = await trx.insertInto('comments').values({
    article_id: articleId, parent_id: parentId, depth, author_name: (c.author.trim() || 'Anonymous').slice(0, 200),
    author_email: email && email.length <= 254 ? email : null, ip, network: networkOf(ip), body, body_hash: bodyHash(body), status, score: 0,
    reasons: '[]', report_count: 0, created_at: at, updated_at: at, edited_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  later.decisions.push({ comment_id: id, action: 'imported', from_status: null, to_status: status, actor_id: null, note: `WordPress comment ${c.id}`, created_at: at });
  later.mapped.push([c.id, id]);
  run.count('comments', 'added');
  return { id, parentId, depth };
}
