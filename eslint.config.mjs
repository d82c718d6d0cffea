import nx from '@nx/eslint-plugin';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import apiLint from './apps/api/lint/no-import-cycle.mjs';

/**
 * Module boundaries from ARCHITECTURE.md / STYLE.md, enforced: every project is tagged and every
 * tag is constrained (no '*' rule).
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/tmp', '**/coverage', '**/test-results', '**/playwright-report', '.nx/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shell', onlyDependOnLibsWithTags: ['scope:shared'] },
            // A remote sees the host only through plugin-sdk, ui, contracts and i18n.
            { sourceTag: 'scope:remote', onlyDependOnLibsWithTags: ['surface:remote'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', notDependOnLibsWithTags: ['platform:web'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'platform:node', notDependOnLibsWithTags: ['platform:web'] },
            { sourceTag: 'platform:any', onlyDependOnLibsWithTags: ['platform:any'] },
            // The contracts are the single source of truth and depend on zod alone.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [], allowedExternalImports: ['zod'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The shell's layers point down: app/ (composition) → features/ → core/ (plumbing, plugin host).
    files: ['apps/shell/src/**/*.ts', 'apps/shell/src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.base.json' })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['apps/shell/src/features/**/*.ts', 'apps/shell/src/features/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+app(/|$)', message: 'A feature imports core/, libs and other features, never the composition root in app/.' }] }],
    },
  },
  {
    files: ['apps/shell/src/core/**/*.ts', 'apps/shell/src/core/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(app|features|i18n)(/|$)', message: 'core/ is the bottom layer of the shell: it imports libs only.' }] },
      ],
    },
  },
  {
    // The API's import graph is its dependency graph (apps/api/CONTEXT.md): base ← orders ← kitchen,
    // shifts ← finance. A lower module reaches a higher one only through a port it declares, wired
    // in composition.ts, so any circle is a layering mistake. import-x/no-cycle always skips
    // `import type`, so api/no-import-cycle checks the same graph with type-only imports counted.
    files: ['apps/api/src/**/*.ts'],
    plugins: { 'import-x': importX, api: apiLint },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.base.json' })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }], 'api/no-import-cycle': 'error' },
  },
  {
    // Build configs load the shared build tooling in tools/, which is not a project.
    files: ['**/webpack.config.js', 'tools/**/*.js', 'tools/**/*.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Test data builders are for tests: production code never ships them. (The typescript-eslint
    // twin of no-restricted-imports, so this does not replace the shell's layering patterns above.)
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', '**/testing.ts', '**/*.stories.ts', '**/*.stories.tsx', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@pos/contracts/testing', message: 'Test data builders are for tests, testing/ folders and stories only.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      // Test clients read untyped JSON bodies.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
];
