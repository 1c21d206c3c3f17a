// `make lint` runs ESLint over the package's JavaScript: the recommended rules, plus a
// few that hold the code to what it already does.
import js from "@eslint/js";
import globals from "globals";

export default [
  // Written by `napi build` (the loader of the native addon), not by hand.
  { ignores: ["native.js"] },
  js.configs.recommended,
  {
    rules: {
      // `== null` is the one loose comparison: it means null or undefined.
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "prefer-const": "error",
      // Every failure is an Error (with its `code`), never a bare value.
      "no-throw-literal": "error",
      "prefer-promise-reject-errors": "error",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
