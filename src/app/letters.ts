/**
 * Target letters (目标责任书) as the pane's step: the letters of a team or everyone for a period,
 * computed from the Plan sheet's plan and the Data sheet as they are now, added to those the
 * Target letters sheet holds (see letterSheets.ts for what is kept).
 */
import { hasErrors, validatePlan } from "../engine";
import type { Language } from "../engine";
import { HostError, type TargetLettersResult, type WorkbookHost, type WriteOptions } from "./host";
import type { LetterSubject } from "./letterSheets";
import { readingUnder } from "./workflow";

export async function writeLettersFor(
  host: WorkbookHost,
  args: {
    language: Language;
    subjects: LetterSubject[];
    updateChanged?: boolean;
    options?: WriteOptions;
  }
): Promise<TargetLettersResult> {
  const plan = (await host.readPlan()).plan;
  if (!plan) throw new HostError("The Plan sheet cannot be read.", "NoPlan");
  if (hasErrors(validatePlan(plan))) throw new HostError("The plan has errors.", "PlanErrors");
  const reading = readingUnder(await host.readInputs(), plan);
  if (!reading) throw new HostError("The workbook has no Data sheet.", "NoSheet");
  return host.writeTargetLetters(
    {
      language: args.language,
      plan,
      rows: reading.data.rows,
      subjects: args.subjects,
      updateChanged: args.updateChanged,
    },
    args.options
  );
}
