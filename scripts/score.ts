/**
 * npm run score -- <data.csv> [--plan plan.json] [--feedback f.csv] [--feedback-scale 5|10|100]
 *   --out <file.xlsx> [--lang zh-CN|en-US] [--style native|perf|values]
 *
 * A payroll job without Excel: reads the CRM export (and 360 ratings) by the import's rules exactly
 * as the task pane does, prints every import message (file, line, column, reason) in the chosen
 * language, generates, and writes the workbook. Exits 1 when a row cannot be scored (each one
 * named) or a file cannot be read, 2 on a wrong command line, 0 otherwise.
 */
import * as fs from "fs";
import * as path from "path";
import { defaultPlan, formatIssue, type Issue, type Language, type Plan } from "../src/engine";
import { formatMessage, type MessageKey, type MessageParams } from "../src/engine/messages";
import { RATING_SCALES, type RatingScale } from "../src/engine/plan/model";
import { readPlanFile } from "../src/app/planFile";
import { runScoreJob, scoreSummary } from "../src/app/scoreJob";
import type { FormulaStyle } from "../src/workbook/formula";
import { writeXlsx } from "../src/workbook/xlsx";

interface Options {
  data: string;
  out: string;
  plan?: string;
  feedback?: string;
  feedbackScale?: RatingScale;
  language: Language;
  style: FormulaStyle;
}

const VALUED = ["--plan", "--feedback", "--feedback-scale", "--out", "--lang", "--style"];

/** The command line, or the message key that says what is wrong with it. */
function parse(
  args: string[]
): Options | { error: MessageKey; params?: MessageParams; language: Language } {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const lang = value("--lang") ?? "zh-CN";
  const language: Language = lang === "en-US" ? "en-US" : "zh-CN";
  const bad = (option: string, allowed: readonly unknown[]) => ({
    error: "scoreBadOption" as const,
    params: { option, allowed: allowed.join(", ") },
    language,
  });
  if (lang !== "zh-CN" && lang !== "en-US") return bad("--lang", ["zh-CN", "en-US"]);
  const style = value("--style") ?? "native";
  if (style !== "native" && style !== "perf" && style !== "values")
    return bad("--style", ["native", "perf", "values"]);
  const scale = value("--feedback-scale");
  if (scale !== undefined && !RATING_SCALES.includes(Number(scale) as RatingScale))
    return bad("--feedback-scale", RATING_SCALES);
  const positional = args.filter((a, i) => !a.startsWith("--") && !VALUED.includes(args[i - 1]));
  const out = value("--out");
  if (positional.length !== 1 || !out) return { error: "scoreUsage", language };
  return {
    data: positional[0],
    out,
    plan: value("--plan"),
    feedback: value("--feedback"),
    feedbackScale: scale === undefined ? undefined : (Number(scale) as RatingScale),
    language,
    style,
  };
}

function file(p: string) {
  return { name: path.basename(p), bytes: new Uint8Array(fs.readFileSync(p)) };
}

function plan(o: Options, say: (i: Issue) => void): Plan | null {
  if (!o.plan) return defaultPlan();
  const f = file(o.plan);
  const read = readPlanFile(f.bytes, f.name);
  if (!read.ok) {
    read.issues.forEach(say);
    return null;
  }
  return read.plan;
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2));
  if ("error" in o) {
    console.error(formatMessage(o.error, o.params ?? {}, o.language));
    return 2;
  }
  const say = (i: Issue) => console.log(formatIssue(i, o.language));
  const p = plan(o, say);
  if (!p) return 1;
  const outcome = await runScoreJob({
    data: file(o.data),
    feedback: o.feedback ? file(o.feedback) : undefined,
    feedbackScale: o.feedbackScale,
    plan: p,
    language: o.language,
    style: o.style,
  });
  outcome.messages.forEach(say);
  for (const line of scoreSummary(outcome, o.language).unscored) console.error(line);
  if (!outcome.built) {
    console.error(formatMessage("scoreNotWritten", {}, o.language));
    return 1;
  }
  fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
  await writeXlsx(outcome.built.layout, o.out);
  console.log(scoreSummary(outcome, o.language, o.out).written);
  return outcome.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  }
);
