// Shared jest settings: SWC transpiles TypeScript (type checking is the `typecheck` target's job),
// and Nx's resolver maps the tsconfig path aliases (@pos/*) to the libraries' sources.
module.exports = {
  testEnvironment: 'node',
  resolver: '@nx/jest/plugins/resolver',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  moduleNameMapper: { '\\.css$': 'identity-obj-proxy' },
  testMatch: ['**/?(*.)+(spec|test).[jt]s?(x)'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // A few dependencies ship ESM only (Node 20 can require() them, jest cannot): SWC turns them into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(jose|cookie|uuid)/)'],
};
