import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { useSession } from "../session";
import { FindField, findPeople } from "./LongList";

/**
 * Salespeople a picker lists at most: a sales force of 10,000 is found by typing, not scrolled
 * (a list of all of them would hold the pane while it is drawn).
 */
export const PICKER = 200;

export interface PersonPickerProps<T extends { id: string; name: string }> {
  label: string;
  items: readonly T[];
  /** The chosen item's value ("" for none). */
  value: string;
  valueOf(item: T): string;
  textOf(item: T): string;
  onChange(value: string): void;
  /** A first, empty choice ("—"). */
  empty?: boolean;
  required?: boolean;
}

/**
 * A picker of salespeople: a plain list up to PICKER of them; over that, a Find box by name or
 * employee ID above a list of the first PICKER found and the one chosen (so that it still shows).
 */
export function PersonPicker<T extends { id: string; name: string }>(
  props: PersonPickerProps<T>
): React.JSX.Element {
  const { strings: t } = useSession();
  const { items, value, valueOf } = props;
  const [find, setFind] = React.useState("");
  const many = items.length > PICKER;
  const found = React.useMemo(() => findPeople([...items], many ? find : ""), [items, find, many]);
  const options = React.useMemo(() => {
    const first = found.slice(0, PICKER);
    const chosen = value ? items.find((x) => valueOf(x) === value) : undefined;
    return chosen && !first.includes(chosen) ? [chosen, ...first] : first;
  }, [found, items, value, valueOf]);
  return (
    <>
      {many && (
        <FindField
          value={find}
          onChange={setFind}
          hint={t.common.found(Math.min(found.length, PICKER), found.length)}
        />
      )}
      <Field label={props.label} size="small" required={props.required}>
        <Select size="small" value={value} onChange={(_, d) => props.onChange(d.value)}>
          {props.empty && <option value="">—</option>}
          {options.map((x) => (
            <option key={valueOf(x)} value={valueOf(x)}>
              {props.textOf(x)}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
