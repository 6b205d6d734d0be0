/**
 * What the add-in needs from Excel, feature by feature, and what it does where a feature is
 * missing. Pure: the requirement sets are asked through a function, so the decisions are tested
 * without Office (test/compat/).
 *
 * Each feature lists the requirement sets its Office.js calls belong to (the `[Api set: …]` of each
 * member in @types/office-js, which mirrors learn.microsoft.com/javascript/api/excel):
 *
 *   customFunctions  PERF.* in the shared runtime: SharedRuntime 1.1, CustomFunctionsRuntime 1.2
 *                    (CustomFunctions.Error, which carries the #VALUE!/#N/A messages, is 1.2)
 *   writeWorkbook    the sheet writer (src/office/writer.ts): defined names with comments and
 *                    *OrNullObject (1.4), suspendApiCalculationUntilNextSync (1.6),
 *                    getRangeByIndexes, freezePanes, tabColor (1.7)
 *   nativeCharts     ChartSeriesCollection.add, ChartSeries.setValues / setXAxisValues (1.7)
 *   dropDowns        Range.dataValidation (1.8)
 *   replaceInPlace   Range.copyFrom (1.9): a rewritten sheet is swapped in from a finished copy
 *   printSetup       Worksheet.pageLayout, horizontalPageBreaks (1.9)
 *
 * The manifest's <Requirements> are the sets of the essential features (MANIFEST_REQUIREMENTS;
 * test/compat/ checks manifest.xml against it): Office does not offer the add-in where they are
 * missing. The others are checked at run time; without them the add-in works with less, and the
 * task pane says what is left out (`notices`).
 */
import { formatMessage, type Language } from "../engine/messages";
import type { COMPAT_MESSAGES } from "./messages";
import type { FormulaStyle } from "../workbook/formula";

export interface Requirement {
  /** Requirement set name as Office.context.requirements.isSetSupported takes it. */
  set: string;
  version: string;
}

export type FeatureId =
  | "customFunctions"
  | "writeWorkbook"
  | "nativeCharts"
  | "dropDowns"
  | "replaceInPlace"
  | "printSetup";

export interface Feature {
  id: FeatureId;
  needs: readonly Requirement[];
  /** Declared in the manifest: without it Office does not offer the add-in at all. */
  essential: boolean;
  /** The message shown when the feature is missing: what is left out and what happens instead. */
  missing: CompatMessageKey;
}

const excel = (version: string): Requirement => ({ set: "ExcelApi", version });

/** The ExcelApi versions the Office adapter needs, by what needs them (see the table above). */
export const EXCEL_API = {
  writeWorkbook: "1.7",
  nativeCharts: "1.7",
  dropDowns: "1.8",
  replaceInPlace: "1.9",
  printSetup: "1.9",
} as const;

export type CompatMessageKey = keyof typeof COMPAT_MESSAGES;

export const FEATURES: readonly Feature[] = [
  {
    id: "customFunctions",
    needs: [
      { set: "SharedRuntime", version: "1.1" },
      { set: "CustomFunctionsRuntime", version: "1.2" },
    ],
    essential: true,
    missing: "compatNoCustomFunctions",
  },
  {
    id: "writeWorkbook",
    needs: [excel(EXCEL_API.writeWorkbook)],
    essential: true,
    missing: "compatNoWriteWorkbook",
  },
  {
    id: "nativeCharts",
    needs: [excel(EXCEL_API.nativeCharts)],
    essential: false,
    missing: "compatNoNativeCharts",
  },
  {
    id: "dropDowns",
    needs: [excel(EXCEL_API.dropDowns)],
    essential: false,
    missing: "compatNoDropDowns",
  },
  {
    id: "replaceInPlace",
    needs: [excel(EXCEL_API.replaceInPlace)],
    essential: false,
    missing: "compatNoReplaceInPlace",
  },
  {
    id: "printSetup",
    needs: [excel(EXCEL_API.printSetup)],
    essential: false,
    missing: "compatNoPrintSetup",
  },
];

/** Compares dotted versions numerically ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * The manifest's <Requirements>: for each set the essential features use, the highest version
 * they need, in the order the sets first appear.
 */
export const MANIFEST_REQUIREMENTS: readonly Requirement[] = (() => {
  const sets = new Map<string, string>();
  for (const f of FEATURES.filter((x) => x.essential)) {
    for (const r of f.needs) {
      const had = sets.get(r.set);
      if (had === undefined || compareVersions(r.version, had) > 0) sets.set(r.set, r.version);
    }
  }
  return [...sets].map(([set, version]) => ({ set, version }));
})();

/** `Office.context.requirements.isSetSupported`'s shape. */
export type IsSetSupported = (set: string, version: string) => boolean;

export interface Notice {
  feature: FeatureId;
  /** "blocking": the pane cannot do its main job here; "degraded": it does it with less. */
  severity: "blocking" | "degraded";
  message: string;
}

export interface Compatibility {
  /** False outside Office (a page opened in a plain browser): nothing can be asked. */
  inOffice: boolean;
  /** Whether each feature is available. */
  features: Record<FeatureId, boolean>;
  /** Features whose requirement sets are missing, in FEATURES order. */
  missing: FeatureId[];
  /** The sets the host lacks, e.g. "ExcelApi 1.9" (for a support ticket). */
  missingSets: string[];
  /** Formula styles the pane may offer: "perf" only where the PERF functions run. */
  formulaStyles: FormulaStyle[];
}

function featureMap(value: (f: Feature) => boolean): Record<FeatureId, boolean> {
  return Object.fromEntries(FEATURES.map((f) => [f.id, value(f)])) as Record<FeatureId, boolean>;
}

/**
 * Decides what the add-in can do with a host's requirement sets. `isSetSupported` undefined means
 * outside Office: every feature is reported unavailable and `inOffice` is false (the pane says
 * "open this in Excel" rather than listing what is missing).
 */
export function assessCompatibility(isSetSupported: IsSetSupported | undefined): Compatibility {
  if (!isSetSupported) {
    return {
      inOffice: false,
      features: featureMap(() => false),
      missing: FEATURES.map((f) => f.id),
      missingSets: [],
      formulaStyles: ["native", "values"],
    };
  }
  const cache = new Map<string, boolean>();
  const has = (r: Requirement): boolean => {
    const key = `${r.set} ${r.version}`;
    let ok = cache.get(key);
    if (ok === undefined) {
      try {
        ok = isSetSupported(r.set, r.version) === true;
      } catch {
        ok = false; // an Office too old to know the set name
      }
      cache.set(key, ok);
    }
    return ok;
  };
  const features = featureMap((f) => f.needs.every(has));
  const missing = FEATURES.filter((f) => !features[f.id]).map((f) => f.id);
  const missingSets = [...new Set(FEATURES.flatMap((f) => f.needs))]
    .filter((r) => !has(r))
    .map((r) => `${r.set} ${r.version}`);
  return {
    inOffice: true,
    features,
    missing,
    missingSets: [...new Set(missingSets)],
    formulaStyles: features.customFunctions ? ["native", "perf", "values"] : ["native", "values"],
  };
}

/**
 * What the pane tells the user about the host, in their language: one notice per missing
 * feature, blocking ones first. None outside Office, none on a host that has everything.
 * When workbooks cannot be written at all, the details below that (charts, drop-downs…) are left
 * out: one plain sentence says it.
 */
export function compatibilityNotices(report: Compatibility, language: Language): Notice[] {
  if (!report.inOffice) return [];
  const writes = report.features.writeWorkbook;
  const notices: Notice[] = [];
  for (const f of FEATURES) {
    if (report.features[f.id]) continue;
    if (!writes && f.id !== "writeWorkbook" && f.id !== "customFunctions") continue;
    const version = f.needs.find((r) => r.set === "ExcelApi")?.version ?? "";
    notices.push({
      feature: f.id,
      severity: f.id === "writeWorkbook" ? "blocking" : "degraded",
      message: formatMessage(f.missing, { version }, language),
    });
  }
  return notices.sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "blocking" ? -1 : 1
  );
}
