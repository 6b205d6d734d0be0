// ESLint 9 flat config: typescript-eslint, React hooks, and the Office add-in rules that keep
// Excel.run code to "load what you read, sync once per batch, never sync in a loop".
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["dist/", "coverage/", "artifacts/", "package/", "node_modules/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: "project/security",
    rules: {
      // the task pane's Content-Security-Policy forbids dynamic code; so does the project
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    name: "project/add-in",
    files: ["src/**/*.{ts,tsx}", "dev/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.flat["recommended-latest"].rules,
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    name: "project/node-scripts",
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    name: "project/node-esm",
    files: ["**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: "project/tests",
    files: ["test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
]);
