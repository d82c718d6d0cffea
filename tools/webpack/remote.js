// Webpack config of one federated remote: exposes only './plugin', builds into its own
// versioned folder dist/web/remotes/<name>/<version>/ with mf-manifest.json, so publishing a new
// version never touches the shell or the other remotes.
const path = require('node:path');
const { ModuleFederationPlugin } = require('@module-federation/enhanced/webpack');
const { root, baseConfig, sharedModules } = require('./common');

/**
 * @param {{ name: string; version: string; pluginPath: string }} remote
 * REMOTE_VERSION overrides the version (an independent deploy of a new build).
 */
function remoteConfig({ name, version, pluginPath }) {
  const deployVersion = process.env.REMOTE_VERSION || version;
  const outputPath = path.join(path.resolve(root, process.env.WEB_OUT || 'dist/web'), 'remotes', name, deployVersion);
  const config = baseConfig({ entry: {}, outputPath, publicPath: 'auto' });
  config.output.uniqueName = `pos_remote_${name.replace(/-/g, '_')}`;
  config.output.clean = true;
  config.plugins.push(
    new ModuleFederationPlugin({
      name: name.replace(/-/g, '_'),
      filename: 'remoteEntry.js',
      exposes: { './plugin': pluginPath },
      shared: sharedModules(),
      shareStrategy: 'loaded-first',
      dts: false,
      manifest: { fileName: 'mf-manifest.json' },
    }),
  );
  const { DefinePlugin } = require('webpack');
  config.plugins.push(new DefinePlugin({ __REMOTE_VERSION__: JSON.stringify(deployVersion) }));
  return config;
}

module.exports = { remoteConfig };
