import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CommissionSection } from "../components/plan/CommissionSection";
import { DimensionsSection } from "../components/plan/DimensionsSection";
import { GradesSection } from "../components/plan/GradesSection";
import type { SectionProps } from "../components/plan/planEditing";
import { useSession } from "../session";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
});

/** The draft's tiers, grades and weights, with the Plan editor's own controls. */
export function WhatIfEditor(props: SectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  return (
    <Accordion multiple collapsible defaultOpenItems={["tiers"]}>
      <AccordionItem value="tiers">
        <AccordionHeader as="h3">{t.whatIf.sections.tiers}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <CommissionSection {...props} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="grades">
        <AccordionHeader as="h3">{t.whatIf.sections.grades}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <GradesSection {...props} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="weights">
        <AccordionHeader as="h3">{t.whatIf.sections.weights}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <DimensionsSection {...props} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
