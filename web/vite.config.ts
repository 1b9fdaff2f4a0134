import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/; `npm run build:web` writes web/dist, which the server serves with an SPA fallback.
// Dev: `npx vite --config web/vite.config.ts` proxies /api to the server (MOTCUA_API, default port 3000).
const apiTarget = process.env.MOTCUA_API ?? 'http://127.0.0.1:3000';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

/**
 * Writes `name.br` (Brotli, highest quality) and `name.gz` (gzip level 9) beside every text file of the build; the
 * server (src/http/web.ts, @fastify/static preCompressed) sends them with the matching Content-Encoding. Done once
 * here, at a quality too slow for every request: a phone on slow 4G downloads 4–5 times fewer bytes.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'motcua-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The chart library loads only with the console pages that draw charts (dashboard, queue statistics).
            { name: 'charts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 2 },
            // What every page needs (React, the router, i18n, data fetching) in one file: over HTTP/1.1 on a 150 ms
            // round trip, fifty small files cost more than their bytes.
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|dayjs)[\\/]/,
              priority: 1,
            },
            // The light public pages (home, catalog, a procedure, the look-up, sign-in) and what they share, in one
            // file: a citizen's phone makes ~10 requests for a page, and the next public page needs no download.
            {
              name: 'portal',
              test: /web[\\/]src[\\/](public-ui[\\/]|pages[\\/]public[\\/](HomePage|ProceduresPage|ProcedureDetailPage|TrackPage|LoginPage|DueDateBox|VnpayPayButton)\.|pages[\\/]console[\\/]security[\\/]notices\.|components[\\/](PublicTags|usePageTitle|useCenter|PublicLayout|PublicLanguageSwitch|ChooserButton|BrandMark|PageLoading)\.|components[\\/]dossier[\\/]track\.css|lib[\\/](errorText|format|sources)\.|api[\\/](client|hooks)\.)/,
              priority: 1,
            },
            // The citizen's pages (sign-in, "Hồ sơ của tôi", a dossier, the online e-form) and their strings, in one
            // file: signing in from the e-form then opening "Hồ sơ của tôi" downloads nothing more.
            {
              name: 'citizen',
              test: /web[\\/]src[\\/](pages[\\/]public[\\/](CitizenPage|CitizenSignIn|OnlineSubmitPage|OidcSignIn|DocumentUpload|SupplementForm)\.|pages[\\/]public[\\/]citizen\.css|i18n[\\/]citizen-strings\.ts)/,
              priority: 1,
            },
            // Ant Design's styling engine, for the screens built with it only (AntdShell): the light public pages
            // (public-ui) never load it.
            {
              name: 'antd-core',
              test: /node_modules[\\/](@ant-design[\\/](cssinjs|cssinjs-utils|fast-color|colors)|@emotion|stylis|@babel[\\/]runtime)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
