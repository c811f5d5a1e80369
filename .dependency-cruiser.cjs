/**
 * The dependency direction of design.md §2, checked by `npm run check`:
 * domain imports nothing of ours outside itself; app imports domain and its ports, never
 * adapters or entry; adapters never import entry; web never imports server.
 */
module.exports = {
  forbidden: [
    { name: 'domain-is-pure', severity: 'error', from: { path: '^server/domain' }, to: { path: '^server/(?!domain)' } },
    { name: 'domain-no-io', severity: 'error', from: { path: '^server/domain' }, to: { path: '^(fs|node:fs|pg|kysely|fastify|@electric-sql)' , dependencyTypes: ['core', 'npm'] } },
    { name: 'app-not-adapters-or-entry', severity: 'error', from: { path: '^server/app' }, to: { path: '^server/(adapters|entry|config)' } },
    { name: 'app-no-drivers', severity: 'error', from: { path: '^server/app' }, to: { path: '^node_modules/(pg|kysely|fastify|@electric-sql|pg-boss|@node-rs|xml-crypto|@xmldom|pdf-lib)' } },
    { name: 'adapters-not-entry', severity: 'error', from: { path: '^server/adapters' }, to: { path: '^server/entry' } },
    { name: 'web-not-server', severity: 'error', from: { path: '^web' }, to: { path: '^server' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|web/dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
