/**
 * Dialogs the views open, found by role and by the name a screen reader announces.
 *
 * Testing Library's role queries compute that name with the page's styles and skip what is hidden.
 * In jsdom, Fluent's dialog motion and its focus manager (tabster) run on timers and focus events
 * that come late on a busy machine: a dialog that is open, with its role and its title, can still
 * be marked aria-hidden or carry its entering style, and the query then finds no dialog of that
 * name for as long as it waits (seen with both cores busy). So the name is read here as the
 * accessibility tree defines it for these elements — the text of what aria-labelledby points to,
 * else aria-label, else the element's labels or text — with hidden elements included, whatever the
 * timers' order. In a real browser the dialogs are shown (the end-to-end run and the screenshots).
 */
import { screen, waitFor, within, type ByRoleMatcher } from "@testing-library/react";

type Name = string | RegExp;

function textOf(ids: string): string {
  return ids
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}

/** The element's accessible name from its attributes and text, styles aside. */
export function nameOf(el: HTMLElement): string {
  const by = el.getAttribute("aria-labelledby");
  const labels = (el as HTMLInputElement).labels;
  const name =
    (by && textOf(by)) ||
    el.getAttribute("aria-label") ||
    (labels && labels.length > 0
      ? Array.from(labels, (l) => l.textContent ?? "").join(" ")
      : el.textContent) ||
    "";
  return name.replace(/\s+/g, " ").trim();
}

function named(elements: HTMLElement[], name: Name | undefined): HTMLElement[] {
  if (name === undefined) return elements;
  return elements.filter((el) => {
    const text = nameOf(el);
    return typeof name === "string" ? text === name : name.test(text);
  });
}

function only(found: HTMLElement[], what: string): HTMLElement {
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}`);
  return found[0];
}

/** The open dialog of this role and name, once it is in the page. */
export function findDialog(
  name: Name,
  role: "dialog" | "alertdialog" = "dialog"
): Promise<HTMLElement> {
  return waitFor(() =>
    only(named(screen.queryAllByRole(role, { hidden: true }), name), `${role} "${String(name)}"`)
  );
}

/** The one element of a role (and name) inside the dialog. */
export function inDialog(dialog: HTMLElement, role: ByRoleMatcher, name?: Name): HTMLElement {
  return only(
    named(within(dialog).queryAllByRole(role, { hidden: true }), name),
    `${String(role)} "${String(name ?? "")}" in the dialog`
  );
}

/** The same, or null when the dialog holds none. */
export function queryInDialog(
  dialog: HTMLElement,
  role: ByRoleMatcher,
  name?: Name
): HTMLElement | null {
  const found = named(within(dialog).queryAllByRole(role, { hidden: true }), name);
  return found.length === 1 ? found[0] : found.length === 0 ? null : only(found, String(role));
}
