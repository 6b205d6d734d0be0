/**
 * The run-time check: Office.context.requirements.isSetSupported, asked once after Office.onReady.
 *
 *   const compat = detectCompatibility();             // after Office.onReady
 *   compat.features.writeWorkbook / .dropDowns / …    // what to enable
 *   compat.formulaStyles                              // "perf" only where PERF.* runs
 *   compatibilityNotices(compat, language)            // what to tell the user, in their language
 */
import { assessCompatibility, type Compatibility, type IsSetSupported } from "./requirements";

/** Office.context.requirements, as far as this module reads it. */
export interface RequirementsLike {
  isSetSupported?: (name: string, minVersion?: string) => boolean;
}

/** The part of office.js's `Office` global this module reads. */
export interface OfficeLike {
  context?: { requirements?: RequirementsLike };
}

/** The `Office` global when office.js is loaded, else undefined (a plain browser, a test). */
function officeGlobal(): OfficeLike | undefined {
  const g = globalThis as { Office?: OfficeLike };
  return g.Office;
}

/**
 * The host's requirement-set check, or undefined outside Office. Reading `Office.context` outside
 * Office may throw or give an object without `requirements`; both mean "not in Office".
 */
export function requirementChecker(
  office: OfficeLike | undefined = officeGlobal()
): IsSetSupported | undefined {
  let requirements: RequirementsLike | undefined;
  try {
    requirements = office?.context?.requirements;
  } catch {
    return undefined;
  }
  const check = requirements?.isSetSupported;
  if (typeof check !== "function") return undefined;
  return (set, version) => check.call(requirements, set, version);
}

/** What this host can do; call it after Office.onReady. */
export function detectCompatibility(
  office: OfficeLike | undefined = officeGlobal()
): Compatibility {
  return assessCompatibility(requirementChecker(office));
}
