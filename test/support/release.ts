/** scripts/release.js and scripts/package.js (plain JavaScript with // @ts-check), typed for the tests. */

export interface ReleaseModule {
  DEV_BASE_URL: string;
  EXAMPLE_BASE_URL: string;
  HASHED_FILE: RegExp;
  IMMUTABLE: string;
  REVALIDATE: string;
  parseBaseUrl(value: string, from?: string): string;
  manifestVersion(packageVersion: string): string;
  releaseManifest(
    xml: string,
    options: { base: string; version: string; versionQuery?: boolean }
  ): string;
  cacheControl(file: string): string;
  renderNginxConf(template: string, base: string): string;
  metaCsp(html: string): string | undefined;
  parseCsp(policy: string): Map<string, string[]>;
}

export interface PackageModule {
  checkReleaseManifest(xml: string, base: string, version: string): string[];
  manifestUrls(xml: string): string[];
  listFiles(dir: string): string[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const release = require("../../scripts/release") as ReleaseModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const packaging = require("../../scripts/package") as PackageModule;
