module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  // Each test file builds the app on its own database (SQLite file or a PostgreSQL schema).
  testTimeout: 30_000,
};
