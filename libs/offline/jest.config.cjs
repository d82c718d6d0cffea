module.exports = {
  displayName: 'offline',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  // A real IndexedDB implementation in memory (no mocks of Dexie itself).
  setupFiles: ['fake-indexeddb/auto'],
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
};
