// @ts-check
/**
 * Localized custom-functions metadata, the documented way: one metadata JSON per language, the
 * manifest pointing Excel at it with <bt:Override Locale="zh-CN" .../> on the metadata URL
 * (Microsoft Learn, "Localize custom functions"). The generator behind
 * custom-functions-metadata-plugin only writes the default language, so this step derives
 * functions.zh-CN.json from the generated functions.json and src/functions/catalog.ts, the one
 * source of truth for both languages' names, descriptions and parameter help:
 *
 *   - same ids, types, dimensionality and optional flags as functions.json (only text changes);
 *   - the build fails when functions.json (from the JSDoc) and the catalog disagree.
 *
 * As a webpack plugin (registered after CustomFunctionsMetadataPlugin in the functions compilation):
 *
 *   new LocalizedMetadataPlugin()   // functions.json → functions.zh-CN.json
 *
 * Both files are kept within the CustomFunctionsRuntime the manifest declares
 * (./runtime-metadata.js drops the generator's allowCustomDataForDataTypeAny, a 1.4 key).
 *
 * As a command, for a functions.json built elsewhere:
 *
 *   node scripts/localized-metadata-plugin.js dist/functions.json   # writes dist/functions.zh-CN.json
 *
 * The catalog is TypeScript; it is transpiled here with the project's TypeScript (no type check:
 * that is `npm run typecheck`) and evaluated afresh on every build, so watch mode picks up edits.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const ts = require("typescript");
const { withinRuntime } = require("./runtime-metadata");

const PLUGIN = "LocalizedMetadataPlugin";
const ROOT = path.resolve(__dirname, "..");
const DEFAULT_CATALOG = path.join(ROOT, "src", "functions", "catalog.ts");
/** @type {Record<string, string>} */
const DEFAULT_LOCALES = { "zh-CN": "functions.zh-CN.json" };

/**
 * @typedef {{ functions: { id: string; name: string }[]; [key: string]: unknown }} Metadata
 * @typedef {{ localizeMetadata(metadata: Metadata, locale: string): Metadata }} Catalog
 */

/** @param {string} request */
function resolveTs(request) {
  for (const candidate of [request, `${request}.ts`, path.join(request, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot find ${request}(.ts)`);
}

/**
 * Loads a TypeScript module and the project modules it imports (relative imports only; package
 * imports come from node_modules as usual).
 * @param {string} file
 * @param {Map<string, { exports: any }>} [cache]
 * @returns {{ exports: any, files: string[] }}
 */
function loadTs(file, cache = new Map()) {
  const cached = cache.get(file);
  if (cached) return { exports: cached.exports, files: [...cache.keys()] };
  const source = fs.readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
  });
  const mod = { exports: {} };
  cache.set(file, mod);
  /** @param {string} request */
  const localRequire = (request) =>
    request.startsWith(".")
      ? loadTs(resolveTs(path.resolve(path.dirname(file), request)), cache).exports
      : require(request);
  const run = vm.compileFunction(
    outputText,
    ["exports", "require", "module", "__filename", "__dirname"],
    { filename: file }
  );
  run(mod.exports, localRequire, mod, file, path.dirname(file));
  return { exports: mod.exports, files: [...cache.keys()] };
}

/**
 * The localized metadata files for a functions.json text: { filename: json text }.
 * @param {string} metadataJson
 * @param {{ catalog?: string, locales?: Record<string, string> }} [options]
 */
function localizedMetadata(metadataJson, options = {}) {
  const loaded = loadTs(options.catalog || DEFAULT_CATALOG);
  const catalog = /** @type {Catalog} */ (loaded.exports);
  const metadata = /** @type {Metadata} */ (withinRuntime(JSON.parse(metadataJson)));
  /** @type {Record<string, string>} */
  const files = {};
  for (const [locale, filename] of Object.entries(options.locales || DEFAULT_LOCALES)) {
    files[filename] = JSON.stringify(catalog.localizeMetadata(metadata, locale), null, 4);
  }
  return { files, dependencies: loaded.files };
}

class LocalizedMetadataPlugin {
  /**
   * @param {{ source?: string, catalog?: string, locales?: Record<string, string> }} [options]
   *   source: the generated metadata asset (default functions.json); catalog: the catalog module;
   *   locales: locale → asset name (default { "zh-CN": "functions.zh-CN.json" }).
   */
  constructor(options = {}) {
    this.source = options.source || "functions.json";
    this.options = {
      catalog: options.catalog || DEFAULT_CATALOG,
      locales: options.locales || DEFAULT_LOCALES,
    };
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            compilation.errors.push(
              new WebpackError(
                `${PLUGIN}: no ${this.source} in this compilation; register CustomFunctionsMetadataPlugin before this plugin`
              )
            );
            return;
          }
          try {
            const generated = asset.source.source().toString();
            // functions.json itself within the manifest's CustomFunctionsRuntime (./runtime-metadata.js)
            compilation.updateAsset(
              this.source,
              new sources.RawSource(JSON.stringify(withinRuntime(JSON.parse(generated)), null, 4))
            );
            const { files, dependencies } = localizedMetadata(generated, this.options);
            for (const file of dependencies) compilation.fileDependencies.add(file);
            for (const [filename, json] of Object.entries(files))
              compilation.emitAsset(filename, new sources.RawSource(json));
          } catch (e) {
            compilation.errors.push(
              new WebpackError(`${PLUGIN}: ${e instanceof Error ? e.message : String(e)}`)
            );
          }
        }
      );
    });
  }
}

module.exports = LocalizedMetadataPlugin;
module.exports.localizedMetadata = localizedMetadata;

if (require.main === module) {
  const input = process.argv[2];
  if (!input) {
    console.error("usage: node scripts/localized-metadata-plugin.js path/to/functions.json");
    process.exit(2);
  }
  try {
    const { files } = localizedMetadata(fs.readFileSync(input, "utf8"));
    for (const [filename, json] of Object.entries(files)) {
      const out = path.join(path.dirname(input), filename);
      fs.writeFileSync(out, json);
      console.log(`${path.relative(process.cwd(), out)}: written`);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
