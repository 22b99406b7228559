import { readFile } from 'node:fs/promises';
import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Form.io's run-time helpers by CDN name → installed folder (served from our own origin). */
const formioAssets: Record<string, string> = {
  ace: 'ace-builds/src-min-noconflict',
  'flatpickr-formio': 'flatpickr/dist',
  'shortcut-buttons-flatpickr': 'shortcut-buttons-flatpickr/dist',
  'moment-timezone/data/packed': 'moment-timezone/data/packed',
};

export default defineConfig({
  base: '/modeler/',
  plugins: [vue(), bpmnlintConfig(), selfHostedFormioAssets()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'ws://localhost:8080', ws: true },
    },
  },
});

/**
 * `virtual:bpmnlint-config`: the process library's `.bpmnlintrc` with every rule it enables
 * bundled, so the modeler lints with exactly the rules the library's tests use.
 */
function bpmnlintConfig(): Plugin {
  const id = 'virtual:bpmnlint-config';
  const rcFile = path.resolve(import.meta.dirname, '../process-library/.bpmnlintrc');
  return {
    name: 'balcao-bpmnlint-config',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(loaded) {
      if (loaded !== `\0${id}`) return undefined;
      this.addWatchFile(rcFile);
      const compileConfig = require('bpmnlint/lib/support/compile-config.js') as (
        config: unknown,
      ) => Promise<string>;
      return compileConfig(JSON.parse(await readFile(rcFile, 'utf8')));
    },
  };
}

/** Copies Form.io's run-time helpers into the build, so the builder never reaches a CDN. */
function selfHostedFormioAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'balcao-formio-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      for (const [name, source] of Object.entries(formioAssets)) {
        const pkg = source.split('/')[0]!;
        const root = path.dirname(require.resolve(`${pkg}/package.json`));
        await cp(
          path.join(root, source.slice(pkg.length + 1)),
          path.join(outDir, 'formio-cdn', name),
          {
            recursive: true,
          },
        );
      }
    },
  };
}
