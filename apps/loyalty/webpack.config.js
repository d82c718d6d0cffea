const path = require('node:path');
const { remoteConfig } = require('../../tools/webpack/remote');
const { qrWorkerPlugins } = require('./qr-worker.webpack');
const { version } = require('./package.json');

module.exports = remoteConfig({ name: 'loyalty', version, pluginPath: path.join(__dirname, 'src/plugin.ts') });
module.exports.plugins.push(...qrWorkerPlugins());
