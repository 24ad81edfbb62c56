import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layers of src/, bottom first: a layer imports only from the layers below
 * it (README, "Layout"). lib → api → engine → i18n → data → ui → charts → features → app.
 */
const LAYERS = ['lib', 'api', 'engine', 'i18n', 'data', 'ui', 'charts', 'features', 'app'];

/** A relative import that reaches into `layer` from anywhere in src/. */
const into = (layer) => `^(\\.\\./)+${layer}(/|$)`;

function layerRule(layer) {
  const above = LAYERS.slice(LAYERS.indexOf(layer) + 1);
  const patterns = above.map((l) => ({
    regex: into(l),
    message: `${layer}/ is below ${l}/: it must not import from it (see README, Layout).`,
  }));
  if (layer === 'engine') {
    // the methodology runs in Node and a Worker: from the contract it takes types only
    patterns.push({ regex: into('api'), allowTypeImports: true, message: 'engine/ imports only types from api/.' });
  }
  if (layer === 'features') {
    // a sibling folder of a feature is another feature
    patterns.push({
      regex: '^\\.\\./[^./]',
      message: 'A feature never imports another feature: move what both need down a layer (data, ui or charts).',
    });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    // tests may wire several layers together
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/mockServiceWorker.js', 'coverage', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // public/boot.js: a classic script the browser runs as is, before the app (no modules, no build)
  { files: ['public/**/*.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },
  ...LAYERS.map(layerRule),
  {
    // views read the read model (data/model.ts), never the engine's arrays
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='ds']",
          message: 'Features read the read model (`d.model`), not the prepared dataset.',
        },
        {
          selector: "MemberExpression[property.name='result']",
          message: 'Features read the read model (`d.model`), not the engine result.',
        },
      ],
    },
  },
);
