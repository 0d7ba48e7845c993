/** Unit specs live beside the code; e2e specs in test/ start the real app in-process. */
const tsJest = ['ts-jest', {}];
/** Dependencies published as ES modules only; Jest's CommonJS runtime needs them compiled (Node itself loads them). */
const ESM_ONLY = ['jose', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit'];
const esmPath = `/node_modules/(${ESM_ONLY.join('|')})/`;
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': tsJest,
    [`${esmPath}.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
};

module.exports = {
  maxWorkers: 2,
  testTimeout: 60000,
  // Jest's summary only counts skipped tests; this names each skipped suite and why (test/support/skips.ts).
  reporters: ['default', '<rootDir>/test/support/skip-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
    },
  ],
};
