// Shared webpack pieces for the shell (federation host) and every remote. Nx only orchestrates
// the builds; federation is @module-federation/enhanced's own webpack plugin.
const path = require('node:path');
const { PrecompressPlugin } = require('./precompress');

const root = path.resolve(__dirname, '../..');
const pkg = require(path.join(root, 'package.json'));
const installed = (name) => require(path.join(root, 'node_modules', name, 'package.json')).version;

/** Internal libraries shared as singletons; their version is the host API version line. */
const INTERNAL_LIBS = ['contracts', 'plugin-sdk', 'ui', 'i18n', 'api-client', 'event-bus'];
const INTERNAL_VERSION = '1.0.0';

const aliases = {
  ...Object.fromEntries(INTERNAL_LIBS.map((lib) => [`@pos/${lib}$`, path.join(root, 'libs', lib, 'src', 'index.ts')])),
  // zod-free constants: small enough to copy into each bundle instead of loading the shared contracts.
  '@pos/contracts/constants$': path.join(root, 'libs/contracts/src/constants.ts'),
  // zod-free order arithmetic, for the offline layer's local view (it must not pull zod into the shell's first load).
  '@pos/contracts/order-math$': path.join(root, 'libs/contracts/src/order-math.ts'),
  // zod-free sign-in rules (proof message, PIN lengths): the PIN pad's first load needs them.
  '@pos/contracts/sign-in$': path.join(root, 'libs/contracts/src/sign-in.ts'),
  // zod-free shared rules (currency digits, modifier limits, cash tendering): money formatting on the PIN pad needs them.
  '@pos/contracts/rules$': path.join(root, 'libs/contracts/src/rules.ts'),
  // The shell's own offline layer: not shared, remotes never import it.
  '@pos/offline$': path.join(root, 'libs/offline/src/index.ts'),
};

function singleton(name) {
  return { singleton: true, requiredVersion: pkg.dependencies[name], version: installed(name) };
}

/**
 * One copy of React, react-query, rxjs, i18next, single-spa and our libraries for the shell and
 * every remote. Remotes carry fallbacks but, loaded into the shell, use the shell's copies.
 */
function sharedModules() {
  const shared = {
    react: singleton('react'),
    'react/': { ...singleton('react') },
    'react-dom': singleton('react-dom'),
    'react-dom/': { ...singleton('react-dom') },
    '@tanstack/react-query': singleton('@tanstack/react-query'),
    rxjs: singleton('rxjs'),
    i18next: singleton('i18next'),
    'react-i18next': singleton('react-i18next'),
    'single-spa': singleton('single-spa'),
    'single-spa-react': singleton('single-spa-react'),
  };
  for (const lib of INTERNAL_LIBS) {
    shared[`@pos/${lib}`] = { singleton: true, version: INTERNAL_VERSION, requiredVersion: `^${INTERNAL_VERSION}`, import: aliases[`@pos/${lib}$`] };
  }
  return shared;
}

// css-loader would otherwise inline every stylesheet's source map into the JS (a third of a
// remote's gzipped size); the .js.map files cover the code.
function moduleRules() {
  return [
    {
      test: /\.[jt]sx?$/,
      exclude: /node_modules/,
      use: {
        loader: 'swc-loader',
        options: {
          jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020', transform: { react: { runtime: 'automatic' } } },
        },
      },
    },
    {
      test: /\.module\.css$/,
      use: ['style-loader', { loader: 'css-loader', options: { sourceMap: false, modules: { namedExport: false, exportLocalsConvention: 'as-is', localIdentName: '[name]__[local]--[hash:base64:5]' } } }],
    },
    { test: /\.css$/, exclude: /\.module\.css$/, use: ['style-loader', { loader: 'css-loader', options: { sourceMap: false } }] },
  ];
}

/**
 * `precompress`: write `.br`/`.gz` copies of the text files for the API to send (production
 * builds; a development rebuild would spend seconds on brotli 11 for nothing).
 */
function baseConfig({ entry, outputPath, publicPath, precompress = true }) {
  const mode = process.env.NODE_ENV === 'development' ? 'development' : 'production';
  return {
    mode,
    context: root,
    entry,
    devtool: 'source-map',
    output: {
      path: outputPath,
      publicPath,
      filename: '[name].[contenthash:10].js',
      chunkFilename: '[name].[contenthash:10].js',
      assetModuleFilename: '[name].[contenthash:10][ext]',
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.mjs'], alias: aliases },
    module: { rules: moduleRules() },
    // CSS travels inside each bundle's JS (style-loader), so a remote brings its own styles.
    plugins: precompress && mode === 'production' ? [new PrecompressPlugin()] : [],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

module.exports = { root, baseConfig, sharedModules, INTERNAL_VERSION };
