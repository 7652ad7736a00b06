// The house's layering, checked by `npm run deps` (dependency-cruiser) in CI:
// - faces (site, admin_api, admin_pages, content_api) call domain functions and never touch the database layer;
// - domains (content, comments, auth, media, ads, search, i18n, jobs, demo, syndication, importers, newsletters, audience, live, channels, mirrors) are plain functions and types: no Fastify,
//   no @fastify/* plugin, nothing from src/http, no face;
// - the web layer (src/http) knows no face: src/app.ts hands it the faces' routes, error page and address kinds;
// - faces never import Kysely or src/db (each table's queries live in the domain that owns it: see
//   src/db/table_owners.ts and test/structure/table_owners.test.ts);
// - src/cli (the command line, one file per command) is the top: nothing else imports it;
// - no import cycles anywhere in src, nor in the newsroom app (admin-ui/src: screens take what they share from
//   session.ts, router.ts, api.ts and ui.tsx, never from the frame app.tsx that imports them).
/** @type {import('dependency-cruiser').IConfiguration} */
const FACES = '^src/(site|admin_api|admin_pages|content_api)/';
const DOMAINS = '^src/(content|comments|auth|media|ads|search|i18n|jobs|demo|syndication|importers|newsletters|audience|live|channels|mirrors)/';

module.exports = {
  forbidden: [
    {
      name: 'face-not-to-db',
      severity: 'error',
      comment: 'A face calls domain functions; SQL and Kysely stay in the domains (src/db is the domains\' tool).',
      from: { path: FACES },
      to: { path: '^src/db/' },
    },
    {
      name: 'face-not-to-kysely',
      severity: 'error',
      comment: 'A face never builds a query.',
      from: { path: FACES },
      to: { path: '(^|/)node_modules/kysely/' },
    },
    {
      name: 'domain-not-to-web',
      severity: 'error',
      comment: 'Domains are plain functions and types: no Fastify, no Fastify plugin, no HTTP layer.',
      from: { path: DOMAINS },
      to: { path: '^src/http/|(^|/)node_modules/(fastify|@fastify/)' },
    },
    {
      name: 'domain-not-to-face',
      severity: 'error',
      comment: 'Domains never import a face.',
      from: { path: DOMAINS },
      to: { path: FACES },
    },
    {
      name: 'http-not-to-face',
      severity: 'error',
      comment: 'The web layer knows no face: the composition at the top (src/app.ts) hands it what a face provides.',
      from: { path: '^src/http/' },
      to: { path: FACES },
    },
    {
      name: 'nothing-to-cli',
      severity: 'error',
      comment: 'src/cli is the top: its commands call domains and the web layer; nothing below imports a command.',
      from: { path: '^src/', pathNot: '^src/(cli/|main\\.ts$)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles (type-only imports included: a cycle of types is a tangle of concepts too).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'app-no-cycles',
      severity: 'error',
      comment: 'No import cycles in the newsroom app, the editor included (type-only imports included).',
      from: { path: '^admin-ui/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    // node_modules is not excluded (excluded modules vanish from the graph, and the rules on Kysely and Fastify
    // could never fire); doNotFollow keeps the packages' own imports out.
    exclude: { path: '^(public|dist)/' },
  },
};
