/**
 * The Plan sheet (方案): every parameter of the plan as a labelled section — key/value settings
 * and tables — each with a defined name, data validation lists for enumerations, and the
 * positions ("anchors") of the cells the scorecard formulas read. And its reader, which finds the
 * sections by their titles in either language, maps columns by header, and returns the plan with
 * located issues: a template made in zh-CN reads back under en-US to the same plan.
 *
 * Each section is described once in plan/settings.ts (the key/value settings) and plan/tables.ts
 * (the tables: columns, formats, validation, names, anchors); plan/write.ts and plan/read.ts
 * follow those descriptions; plan/names.ts holds the names and anchors the formulas use.
 */
export type { PlanAnchors, Pos, SettingKey } from "./plan/names";
export { anchorRange, anchorRef, PLAN_NAMES, SETTING_KEYS, settingName } from "./plan/names";
export { SECTIONS } from "./plan/settings";
export { planSheet, type PlanSheet } from "./plan/write";
export { readPlanSheet, type PlanReading } from "./plan/read";
