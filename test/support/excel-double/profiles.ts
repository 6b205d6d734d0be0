/**
 * Host profiles: what each Excel client the README's compatibility table names gives an add-in —
 * its requirement sets, platform, and whether it has dynamic arrays. The Excel double and
 * Microsoft's client (test/support/office-client) answer `isSetSupported` from a profile, so the
 * adapter runs under each client's sets and a member above them fails with ApiNotFound.
 *
 * Sources: Microsoft Learn's requirement-set tables (Excel JavaScript API, Shared runtime,
 * Custom Functions runtime, Open browser window API), the custom-functions platform list, and
 * Microsoft's dynamic-array availability (Microsoft 365, Excel 2021 and later, the web and Mac;
 * not Excel 2016 or 2019, retail or volume).
 */
import { compareVersions } from "../../../src/compat/requirements";

export type Platform = "PC" | "Mac" | "OfficeOnline";

export interface HostProfile {
  /** How the README's compatibility table names this client. */
  name: string;
  /** Highest version of each requirement set the client supports. */
  sets: Readonly<Record<string, string>>;
  platform: Platform;
  /** Formulas spill (dynamic arrays); without them an array result shows its top-left value only. */
  dynamicArrays: boolean;
}

/** The manifest's <Requirements>, nothing more: the least any client offering the add-in has. */
export const MANIFEST_MINIMUM: HostProfile = {
  name: "the manifest's minimum sets",
  sets: { ExcelApi: "1.7", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" },
  platform: "PC",
  dynamicArrays: false,
};

/** The clients of the README's compatibility table on which the add-in is offered. */
export const CLIENT_PROFILES: readonly HostProfile[] = [
  {
    name: "Windows, Microsoft 365 (Version 2002)",
    sets: { ExcelApi: "1.11", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" },
    platform: "PC",
    dynamicArrays: true,
  },
  {
    name: "Windows, Excel 2021 LTSC",
    sets: { ExcelApi: "1.14", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" },
    platform: "PC",
    dynamicArrays: true,
  },
  {
    name: "Windows, retail Excel 2016/2019 (Click-to-Run)",
    sets: { ExcelApi: "1.14", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" },
    platform: "PC",
    dynamicArrays: false,
  },
  {
    // OpenBrowserWindowApi 1.1 was backfilled for Mac in September 2020 (Office-Js-Requirement-Sets
    // #72); whether a 16.35 build declares it is not documented, so this profile does not, and the
    // pane offers the plan's text to copy
    name: "Mac 16.35",
    sets: { ExcelApi: "1.11", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" },
    platform: "Mac",
    dynamicArrays: true,
  },
  {
    name: "Mac, current",
    sets: {
      ExcelApi: "1.20",
      SharedRuntime: "1.2",
      CustomFunctionsRuntime: "1.4",
      OpenBrowserWindowApi: "1.1",
    },
    platform: "Mac",
    dynamicArrays: true,
  },
  {
    name: "Excel on the web",
    // no OpenBrowserWindowApi on the web: the pane is a browser page there and downloads itself
    sets: { ExcelApi: "1.20", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.4" },
    platform: "OfficeOnline",
    dynamicArrays: true,
  },
];

/** Every profile the adapter must work under: the manifest's minimum, then each client. */
export const ALL_PROFILES: readonly HostProfile[] = [MANIFEST_MINIMUM, ...CLIENT_PROFILES];

/** `Office.context.requirements.isSetSupported` for a profile (a missing version means 1.1). */
export function supports(profile: HostProfile, set: string, version = "1.1"): boolean {
  const have = profile.sets[set];
  return have !== undefined && compareVersions(version, have) <= 0;
}

/**
 * The double's default host: ExcelApi 1.9 (every feature the writer has), the manifest's other
 * sets, dynamic arrays, Windows. `apiVersion` changes only ExcelApi.
 */
export function defaultProfile(apiVersion = "1.9"): HostProfile {
  return {
    name: `Excel with ExcelApi ${apiVersion}`,
    sets: { ExcelApi: apiVersion, SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" },
    platform: "PC",
    dynamicArrays: true,
  };
}
