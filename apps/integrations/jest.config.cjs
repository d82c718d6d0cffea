module.exports = {
  displayName: 'integrations',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/../../tools/jest-setup-dom.ts'],
  // Set by webpack's DefinePlugin in a build.
  globals: { __REMOTE_VERSION__: '1.0.0-test' },
};
