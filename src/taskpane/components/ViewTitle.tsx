import * as React from "react";
import { Subtitle2, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({ title: { margin: 0 } });

/** The heading of a view (the main region is labelled by it). */
export function ViewTitle({ children }: { children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Subtitle2 as="h2" id="view-title" className={styles.title}>
      {children}
    </Subtitle2>
  );
}
