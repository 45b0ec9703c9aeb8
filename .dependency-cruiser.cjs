/**
 * Architecture rules, checked by `npm run lint` (and before `npm test`):
 * the folders of src/ and workloads/ form layers without cycles, and an
 * `_internals/` folder is private to the folder that holds it.
 *
 * The parser is swc: TypeScript 7's native compiler has no JavaScript API for
 * dependency-cruiser to parse with. Type-only imports count, like any other.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend on the ones before them in the flow (README, Architecture); a cycle between folders means a type or function lives in the wrong one.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(src|workloads)/' },
      to: { circular: true },
    },
    {
      name: 'internals-are-private',
      comment: 'An _internals/ folder is used only by the folder that holds it; move what others need beside its public files.',
      severity: 'error',
      from: { path: '^(src/[^/]+|workloads)/' },
      to: { path: '_internals/', pathNot: '^$1/_internals/' },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
  },
};
