// The shell: the federation host. It starts with no remotes; after sign-in it registers the
// venue's remotes from GET /pos/config with the federation runtime.
const { createHash } = require('node:crypto');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { InjectManifest } = require('workbox-webpack-plugin');
const { ModuleFederationPlugin } = require('@module-federation/enhanced/webpack');
const { root, baseConfig, sharedModules } = require('../../tools/webpack/common');

// WEB_OUT builds elsewhere (e.g. a second checkout of the site for a test); default dist/web.
const outputPath = path.resolve(root, process.env.WEB_OUT || 'dist/web');
const config = baseConfig({ entry: { main: './apps/shell/src/main.ts' }, outputPath, publicPath: '/' });

// dist/web/remotes/* are the remotes' own deploys: never wipe them when the shell rebuilds.
config.output.clean = { keep: /^remotes[\\/]/ };
config.plugins.push(
  new ModuleFederationPlugin({
    name: 'shell',
    remotes: {},
    // The default ('version-first') fetches every remote at start-up: one dead remote would block us.
    shareStrategy: 'loaded-first',
    shared: sharedModules(),
    dts: false,
    manifest: false,
    runtimePlugins: [path.join(__dirname, 'src/core/plugin-host/federation-runtime-plugin.ts')],
  }),
  // The favicon is emitted as dist/web/favicon.ico (the API serves it as is) and linked from index.html.
  new HtmlWebpackPlugin({ template: './apps/shell/src/index.html', favicon: './apps/shell/src/favicon.ico' }),
);

// The service worker, production builds only (in development it would serve stale bundles).
// It is compiled on its own, before the shell: InjectManifest's own child compilation inherits
// this config's hooks (federation included) and its output failed to minify. InjectManifest then
// only injects the precache list: this compilation's own assets, so remotes/** is never in it.
const withServiceWorker = config.mode === 'production';
config.plugins.push(new DefinePlugin({ __SERVICE_WORKER__: JSON.stringify(withServiceWorker) }));

function serviceWorkerConfig() {
  // One scratch folder per output folder, so a build into WEB_OUT never reads another build's worker.
  const scratch = path.join(root, 'tmp/shell-sw', createHash('sha1').update(outputPath).digest('hex').slice(0, 10));
  // Not precompressed here: the shell's build emits sw.js (with its precache list) and compresses that.
  const worker = baseConfig({ entry: { sw: './apps/shell/src/sw.ts' }, outputPath: scratch, publicPath: '/', precompress: false });
  Object.assign(worker, { name: 'shell-sw', target: 'webworker', devtool: false, optimization: { splitChunks: false } });
  Object.assign(worker.output, { filename: '[name].js', clean: true });

  config.name = 'shell';
  config.dependencies = ['shell-sw'];
  config.plugins.push(
    new InjectManifest({
      swSrc: path.join(scratch, 'sw.js'),
      compileSrc: false,
      swDest: 'sw.js',
      // .br/.gz copies are never assets of the build (tools/webpack/precompress.js), so never listed here.
      exclude: [/\.map$/, /\.LICENSE\.txt$/, /^remotes[\\/]/],
      // Content-hashed names are their own revision: fetched as is, straight from the HTTP cache.
      dontCacheBustURLsMatching: /\.[0-9a-f]{10}\./,
    }),
  );
  return worker;
}

module.exports = withServiceWorker ? [serviceWorkerConfig(), config] : config;
