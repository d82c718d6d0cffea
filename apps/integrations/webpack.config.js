const path = require('node:path');
const { remoteConfig } = require('../../tools/webpack/remote');
const { version } = require('./package.json');

module.exports = remoteConfig({ name: 'integrations', version, pluginPath: path.join(__dirname, 'src/plugin.ts') });
