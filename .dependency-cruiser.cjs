// One-way dependencies between Balcão's parts (docs/adr/0001-architecture-and-one-way-dependencies.md).
// Each rule forbids a part from reaching a part it must not know about.
const part = (name) => `^(${name})/`;
const forbid = (from, to, comment) => ({
  name: `${from}-not-to-${to.replace(/\|/g, '-')}`,
  comment,
  severity: 'error',
  from: { path: part(from), pathNot: '\\.test\\.ts$' },
  to: { path: part(to) },
});

module.exports = {
  forbidden: [
    forbid(
      'platform',
      'engine|forms|connectors|agencies|server|process-library',
      'platform is the base: it depends on nothing of ours',
    ),
    forbid(
      'engine',
      'forms|connectors|agencies|server|process-library',
      'the engine depends on nothing of ours but the platform',
    ),
    forbid('forms', 'engine|connectors|agencies|server', 'forms depend only on the platform'),
    forbid(
      'connectors',
      'engine|forms|agencies|server',
      'connectors reach the engine only through a Zeebe client',
    ),
    forbid(
      'agencies',
      'engine|forms|connectors|server|process-library',
      'the stand-in agencies know nothing of Balcão',
    ),
    forbid('process-library', 'server', 'the process library may use any part but the server'),
    forbid(
      'web-shared|portal',
      'platform|engine|forms|connectors|agencies|server|process-library|modeler',
      'web apps reach the server only over its HTTP API',
    ),
    {
      name: 'no-circular',
      comment:
        'runtime import cycles; cycles through type-only imports vanish at run time and are allowed',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
    combinedDependencies: true,
  },
};
