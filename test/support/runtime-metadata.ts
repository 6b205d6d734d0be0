/** scripts/runtime-metadata.js (plain Node tooling) as the tests use it. */
export interface RuntimeMetadataModule {
  RUNTIME_KEYS: Record<string, string>;
  declaredRuntime(manifestXml?: string): string;
  keysAbove(metadata: Record<string, unknown>, version: string): string[];
  withinRuntime<T extends Record<string, unknown>>(metadata: T, version?: string): T;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const runtimeMetadata = require("../../scripts/runtime-metadata") as RuntimeMetadataModule;
