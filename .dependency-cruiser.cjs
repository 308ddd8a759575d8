// The arrows of docs/architecture.md §3. `npm run lint` fails when one points the wrong way.
const api = '^api/src/';

// A front end or the emulator reads bottom to top: each folder may import the folders of the layers below it (and
// itself), never a sibling of its own layer nor anything above. '.' stands for the files at the root of src/.
function layered(root, layers) {
  const folderPath = (name) => (name === '.' ? `^${root}[^/]+$` : `^${root}${name}/`);
  return layers.flatMap((layer, index) =>
    layer.map((name) => ({
      name: `${root.replace(/\/src\/$/, '')}-layers-${name === '.' ? 'root' : name}`,
      comment: `${root}${name === '.' ? '*' : name} imports, besides itself, only: ${layers.slice(0, index).flat().join(', ') || 'nothing'} (docs/architecture.md §3).`,
      severity: 'error',
      from: { path: folderPath(name) },
      to: { path: `^${root}`, pathNot: [folderPath(name), ...layers.slice(0, index).flat().map(folderPath)] },
    })),
  );
}

// core/ holds what every part shares (request and response values, Graph errors and ids, stats, timers); server/
// composes; cli/ drives it from a terminal.
const emulatorLayers = [
  ['core'],
  ['state', 'certs'],
  ['mime', 'tenant'],
  ['mail'],
  ['odata', 'faults', 'entra'],
  ['notifications'],
  ['graph'],
  ['control'],
  ['server'],
  ['.'],
  ['cli'],
];

// shell/ is the app frame and the router over the features; components/ are the widgets the features share.
const tabLayers = [
  ['host'],
  ['api', 'routing', 'theme'],
  ['session'],
  ['live', 'components'],
  ['features'],
  ['shell'],
  ['.'],
];

// The API's layers (docs/architecture.md §3).
const apiArrows = [
  {
    name: 'domain-is-pure',
    comment: 'domain/ imports nothing outside domain/ and does no I/O.',
    severity: 'error',
    from: { path: `${api}domain/` },
    to: {
      pathNot: [`${api}domain/`, '^node_modules/zod/', '^(node:)?crypto$'],
    },
  },
  {
    name: 'domain-no-io-builtins',
    severity: 'error',
    from: { path: `${api}domain/` },
    to: { dependencyTypes: ['core'], pathNot: ['^(node:)?crypto$'] },
  },
  {
    name: 'ports-see-domain-only',
    comment:
      'ports/ are the interfaces the core needs (store, blob store, mailbox, mail sender, engine control): types over domain/ only.',
    severity: 'error',
    from: { path: `${api}ports/` },
    to: { path: ['^api/', '^node_modules/'], pathNot: [`${api}(ports|domain)/`] },
  },
  {
    name: 'reply-is-pure',
    comment:
      'reply/ is the pure reply library (normalise, classify, match decision, extract, sanitise): it sees domain/ and the parsers it is built on, never a port, a service, the engine or a node builtin.',
    severity: 'error',
    from: { path: `${api}reply/` },
    to: {
      pathNot: [
        `${api}(reply|domain)/`,
        '^node_modules/(domhandler|htmlparser2|mailparser)/',
        // Type declarations only (the package has no code; it resolves to its name).
        '^@microsoft/microsoft-graph-types$',
      ],
    },
  },
  {
    name: 'reply-no-builtins',
    severity: 'error',
    from: { path: `${api}reply/` },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'services-use-ports-only',
    comment: 'services/ sees domain/, ports/ and reply/, never the engine, an adapter or a framework.',
    severity: 'error',
    from: { path: `${api}services/` },
    to: {
      path: [
        `${api}(http|mail|contract|store|graph|imap)/`,
        '^node_modules/(lowdb|pg|express|@azure|@microsoft/microsoft-graph-client|pino|imapflow|nodemailer)/',
      ],
    },
  },
  {
    name: 'http-no-adapters',
    comment: 'http/ calls services; it never reaches into store/, graph/, imap/, mail/ or the reply library.',
    severity: 'error',
    from: { path: `${api}http/` },
    to: { path: `${api}(store|graph|imap|mail|reply)/` },
  },
  {
    name: 'mail-not-http',
    comment: 'The engine drives services through ports; it never reaches an adapter or the HTTP layer.',
    severity: 'error',
    from: { path: `${api}mail/` },
    to: { path: [`${api}(http|store|graph|imap|contract)/`, '^node_modules/(lowdb|pg|express|imapflow)/'] },
  },
  ...['store', 'graph', 'imap'].map((adapter) => ({
    name: `${adapter}-adapter-sees-ports-and-domain`,
    comment: `${adapter}/ is an adapter: it implements ports/ over domain/ types, and is below everything else.`,
    severity: 'error',
    from: { path: `${api}${adapter}/` },
    to: { path: `^api/`, pathNot: [`${api}(ports|domain|${adapter})/`] },
  })),
];

module.exports = {
  forbidden: [
    ...layered('emulator/src/', emulatorLayers),
    ...layered('tab/src/', tabLayers),
    ...apiArrows,
    {
      name: 'contract-is-wire-only',
      severity: 'error',
      from: { path: `${api}contract/` },
      to: { path: `${api}(?!contract/|domain/)` },
    },
    {
      name: 'nothing-imports-main',
      severity: 'error',
      from: {},
      to: { path: `${api}main\\.ts$` },
    },
    {
      name: 'emulator-and-api-apart',
      comment: "They share only the Graph wire format, so the emulator cannot copy the client's assumptions.",
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^api/' },
    },
    {
      name: 'api-not-emulator',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^emulator/' },
    },
    {
      name: 'front-ends-see-contract-only',
      severity: 'error',
      from: { path: '^(tab|addin)/' },
      to: { path: '^api/src/(?!contract/)' },
    },
    {
      name: 'web-shared-serves-both-front-ends',
      comment:
        'web-shared/ holds what the tab and the add-in both use: it sees the wire contract only, never either app, the API or a host SDK.',
      severity: 'error',
      from: { path: '^web-shared/' },
      to: {
        path: ['^(tab|addin|emulator)/', '^api/src/(?!contract/)', '^node_modules/@microsoft/teams-js/'],
      },
    },
    {
      name: 'back-ends-not-web-shared',
      severity: 'error',
      from: { path: '^(api|emulator)/' },
      to: { path: '^web-shared/' },
    },
    {
      name: 'only-host-files-touch-the-host-sdk',
      severity: 'error',
      from: { path: '^tab/src/', pathNot: '^tab/src/host/teams\\.ts$' },
      to: { path: '^node_modules/@microsoft/teams-js/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
  },
};
