// Mirrors in the Admin API: where the public site is copied to (an S3-compatible bucket, an SFTP host, a git
// remote, a folder), each mirror's status, and the newsroom's public signing key. Credentials go in and are
// sealed; they never come back out. A push happens in the mirrors job (within seconds of asking); a check now.
import type { FastifyInstance } from 'fastify';
import { announceAddresses } from '../mirrors/announce.ts';
import { sendInBackground } from '../newsletters/jobs.ts';
import { staffOf } from './access.ts';
import { addMirror, checkMirrors, listMirrors, removeMirror } from '../mirrors/mirrors.ts';
import { lastExport, requestPush } from '../mirrors/schedule.ts';
import { signingKey } from '../mirrors/signing.ts';
import { endpoint } from './endpoint.ts';
import { Described as d, IdParams, OneOf, Strict, Text, Type } from './schemas.ts';
import { KINDS } from '../mirrors/targets.ts';
import { Num, OrNull, Str, WhenOrNull } from './answer_kit.ts';

const tags = ['mirrors'];
const access = { capability: 'settings.manage' } as const;

const MirrorFields = Strict({
  kind: d('s3, sftp, git or folder.', OneOf(KINDS)),
  name: d('What the newsroom calls it.', Text(80, 1)),
  publicUrl: d('Where readers reach the copy (listed in footers while it holds a genuine copy).', Text(500, 1)),
  target: d('Where and how to push. s3: endpoint, bucket, region, accessKeyId, secretAccessKey, pathStyle, prefix. sftp: host, port, '
    + 'username, privateKey, hostKey, path. git: remote, branch, privateKey. folder: path. Stored sealed; never answered.',
  Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 20_000 }), Type.Number(), Type.Boolean()]))),
});

const Status = OneOf(['new', 'current', 'stale', 'changed', 'failing'] as const);
const MirrorRecord = Type.Object({
  id: Num('The mirror\'s id.'),
  kind: d('s3, sftp, git or folder.', OneOf(KINDS)),
  name: Str('What the newsroom calls it.'),
  publicUrl: Str('Where readers reach the copy.'),
  place: Str('Where it is pushed, without credentials.'),
  status: d('new (never pushed), current, stale (an older genuine copy), changed (a file differs from what was signed) or failing.', Status),
  detail: Str('What the last push or check found (the files that differ, the error).'),
  files: Num('Files in the copy it was last brought to.'),
  lastPushAt: WhenOrNull('The last push'),
  lastCheckAt: WhenOrNull('The last check'),
});
const MirrorList = Type.Object({
  mirrors: d('Every mirror, oldest first.', Type.Array(MirrorRecord)),
  publicKey: Str('The Ed25519 public key (43 characters, base64url) that signs every copy.'),
  lastExportAt: WhenOrNull('When the copy was last exported'),
});
const Announced = Type.Object({
  addresses: d('What was announced.', Type.Object({
    main: Str('The main site\'s address.'),
    mirrors: d('The mirrors holding a genuine copy, and KHABAR_MIRRORS.', Type.Array(Type.String())),
    onion: OrNull(Type.String(), 'The onion address, if any.'),
    publicKey: Str('The signing key readers check copies with.'),
  })),
  letters: d('One newsletter send started per list.', Type.Array(Type.Object({
    listId: Num('The list.'), list: Str('Its name.'), language: Str('Its language.'), sendId: Num('The send started.'), recipients: Num('Readers it goes to.'),
  }))),
  posts: d('Channel posts queued per language.', Type.Array(Type.Object({ language: Str('The language.'), queued: Num('Posts queued.') }))),
  skipped: d('What was not reached and why (no lists, no relay, a language without a channel).', Type.Array(Type.Object({
    reason: d('no_lists, no_relay or no_channel.', OneOf(['no_lists', 'no_relay', 'no_channel'] as const)),
    language: OrNull(Type.String(), 'The language, when the reason is one language\'s.'),
    message: Str('The reason in words.'),
  }))),
});

export async function mirrorsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  endpoint(app, {
    method: 'GET', url: '/api/admin/mirrors', operationId: 'listMirrors', summary: 'List the mirrors and the signing key', tags, access, answers: MirrorList,
    description: 'Every mirror with its place (without credentials), status (new, current, stale, changed, failing), what the last push or check '
      + 'found, its files and times; the newsroom\'s Ed25519 public key that signs every copy; when the copy was last exported.',
    handle: async () => ({ mirrors: await listMirrors(ctx), publicKey: (await signingKey(ctx)).publicKey, lastExportAt: await lastExport(ctx) }),
  });

  endpoint(app, {
    method: 'POST', url: '/api/admin/mirrors', operationId: 'addMirror', summary: 'Add a mirror', tags, access, body: MirrorFields, status: 201,
    events: ['mirrors.changed'],
    description: 'The first push follows within a minute (the mirrors job).',
    handle: async (req) => ({ mirror: await addMirror(ctx, req.body) }),
    audit: { action: 'mirror.add', entry: (_req, r) => ({ subject: { type: 'mirror', id: r.mirror.id }, detail: { kind: r.mirror.kind, place: r.mirror.place, publicUrl: r.mirror.publicUrl } }) },
  });

  endpoint(app, {
    method: 'DELETE', url: '/api/admin/mirrors/:id', operationId: 'removeMirror', summary: 'Remove a mirror', tags, access, params: IdParams,
    status: 204, events: ['mirrors.changed'],
    description: 'Khabar stops pushing to it and footers stop listing it; the files already there are left alone.',
    handle: async (req) => { await removeMirror(ctx, req.params.id); },
    audit: { action: 'mirror.remove', entry: (req) => ({ subject: { type: 'mirror', id: req.params.id } }) },
  });

  endpoint(app, {
    method: 'POST', url: '/api/admin/mirrors/:id/check', operationId: 'checkMirror', summary: 'Check a mirror now, file by file', tags, access, params: IdParams,
    events: ['mirrors.changed'],
    description: 'Reads the mirror\'s signed manifest and every file back and sets its status: current, stale (an older genuine copy), changed '
      + '(a file differs from what was signed: named in detail) or failing.',
    handle: async (req) => {
      await checkMirrors(ctx, await lastExport(ctx, 'manifest'), { deep: true, only: req.params.id });
      const mirror = (await listMirrors(ctx)).find((m) => m.id === req.params.id);
      return { mirror: mirror ?? null };
    },
  });

  endpoint(app, {
    method: 'POST', url: '/api/admin/mirrors/push', operationId: 'pushMirrors', summary: 'Export and push to every mirror now', tags, access,
    status: 202,
    description: 'The mirrors job exports what changed and pushes it to every mirror at its next turn (within seconds).',
    handle: async () => { await requestPush(ctx); return { requested: true }; },
    audit: { action: 'mirror.push', entry: () => ({ subject: { type: 'mirror', id: 'all' } }) },
  });

  endpoint(app, {
    method: 'POST', url: '/api/admin/mirrors/announce', operationId: 'announceAddresses', summary: 'Tell readers where to find the site', tags, access,
    answers: Announced,
    description: 'Sends the current addresses (the main site, every current or stale mirror, KHABAR_MIRRORS, the onion service) and the public '
      + 'key to the subscribers of every newsletter list in its language (a one-off send each) and queues a post for each language\'s Telegram '
      + 'channel and Mastodon. What could not be reached is named in skipped, not refused.',
    handle: async (req) => {
      const r = await announceAddresses(ctx, staffOf(req).id);
      if (r.letters.length) void sendInBackground(ctx);
      return r;
    },
    audit: { action: 'mirror.announce', entry: (_req, r) => ({ subject: { type: 'mirror', id: 'all' }, detail: { letters: r.letters.length, recipients: r.letters.reduce((n, l) => n + l.recipients, 0), posts: r.posts.reduce((n, p) => n + p.queued, 0), addresses: [r.addresses.main, ...r.addresses.mirrors, ...(r.addresses.onion ? [r.addresses.onion] : [])] } }) },
  });
}
