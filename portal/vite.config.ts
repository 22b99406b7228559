import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Folder served beside the app that Form.io loads its helpers from (instead of its CDN). */
export const formioCdnFolder = 'formio-cdn';

/** What Form.io fetches at run time, by its CDN name → the installed package folder. */
const formioAssets: Record<string, string> = {
  ace: 'ace-builds/src-min-noconflict',
  'flatpickr-formio': 'flatpickr/dist',
  'shortcut-buttons-flatpickr': 'shortcut-buttons-flatpickr/dist',
  'moment-timezone/data/packed': 'moment-timezone/data/packed',
};

export default defineConfig({
  plugins: [vue(), selfHostedFormioAssets()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'ws://localhost:8080', ws: true },
    },
  },
});

/** Copies Form.io's run-time helpers into the build, so no page reaches a CDN. */
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
        const from = path.join(root, source.slice(pkg.length + 1));
        await cp(from, path.join(outDir, formioCdnFolder, name), { recursive: true });
      }
    },
  };
}
