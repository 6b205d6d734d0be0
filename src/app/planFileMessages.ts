/**
 * The plan file's messages (reading and checking a plan .json): data only, listed in src/messages.ts.
 */
import type { Catalogue } from "../engine/messages";

export const PLAN_FILE_MESSAGES = {
  planFileNotJson: {
    en: "This is not a plan file: it is not valid JSON (the add-in saves plans as .json).",
    zh: "这不是方案文件：不是有效的 JSON（加载项以 .json 保存方案）。",
  },
} satisfies Catalogue;
