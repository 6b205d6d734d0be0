/**
 * Dialogs the views open. Fluent's focus manager (tabster) marks everything outside the active
 * modal aria-hidden. In jsdom, where its focus events and timers come late on a busy machine, it
 * sometimes marks the new dialog's own portal before it knows that dialog is the modal one, and a
 * role query, which skips hidden elements, then never finds the dialog although it is open. So a
 * dialog and what is in it are found by role and accessible name with hidden elements included:
 * the tests still name each dialog and button as a user hears them, whatever tabster's timing.
 * In a real browser the dialogs are not hidden (the end-to-end run and the screenshots use them).
 */
import { screen, within, type ByRoleMatcher } from "@testing-library/react";

type Name = string | RegExp;

/** The open dialog of this role and name, once it is in the page. */
export function findDialog(
  name: Name,
  role: "dialog" | "alertdialog" = "dialog"
): Promise<HTMLElement> {
  return screen.findByRole(role, { name, hidden: true });
}

/** An element of a role and name inside the dialog. */
export function inDialog(dialog: HTMLElement, role: ByRoleMatcher, name?: Name): HTMLElement {
  return within(dialog).getByRole(role, { name, hidden: true });
}

/** The same, or null when the dialog holds none. */
export function queryInDialog(
  dialog: HTMLElement,
  role: ByRoleMatcher,
  name?: Name
): HTMLElement | null {
  return within(dialog).queryByRole(role, { name, hidden: true });
}
