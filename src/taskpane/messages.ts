/**
 * Messages the pane itself produces as issues, registered in the engine's one catalogue so they
 * format like every other issue (formatIssue / formatMessage).
 */
import { defineMessages } from "../engine";

export const PANE_MESSAGES = defineMessages({
  planUnreadable: { en: "The plan cannot be checked: {reason}", zh: "无法检查方案：{reason}" },
});
