// The shell: the federation host. It starts with no remotes; after sign-in it registers the
// venue's remotes from GET /pos/config with the federation runtime.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
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
    runtimePlugins: [path.join(__dirname, 'src/plugin-host/federation-runtime-plugin.ts')],
  }),
  new HtmlWebpackPlugin({ template: './apps/shell/src/index.html', favicon: false }),
);
module.exports = config;
