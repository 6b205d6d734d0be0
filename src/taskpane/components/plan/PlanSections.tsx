import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useSession } from "../../session";
import { CommissionSection } from "./CommissionSection";
import { DimensionsSection } from "./DimensionsSection";
import { GeneralSection } from "./GeneralSection";
import { GradesSection } from "./GradesSection";
import { PaySection } from "./PaySection";
import { ReviewSection } from "./ReviewSection";
import { TeamCommissionSection } from "./TeamCommissionSection";
import type { SectionProps } from "./planEditing";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export interface PlanSectionsProps {
  section: SectionProps;
  /** The count of errors under a plan path, as a badge (or nothing). */
  badge: (path: string, except?: string) => React.ReactNode;
  /** The Data sheet's teams, for the team leads. */
  teams: readonly string[];
}

/** The Plan editor's sections, each in its accordion item with its error badge. */
export function PlanSections({ section, badge, teams }: PlanSectionsProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  return (
    <Accordion multiple collapsible defaultOpenItems={["dimensions"]}>
      <AccordionItem value="general">
        <AccordionHeader as="h3">{t.plan.sections.general}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <GeneralSection {...section} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="dimensions">
        <AccordionHeader as="h3">
          <span className={styles.header}>
            {t.plan.sections.dimensions}
            {badge("dimensions")}
            {badge("indicators")}
          </span>
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <DimensionsSection {...section} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="grades">
        <AccordionHeader as="h3">
          <span className={styles.header}>
            {t.plan.sections.grades}
            {badge("grading")}
          </span>
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <GradesSection {...section} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="commission">
        <AccordionHeader as="h3">
          <span className={styles.header}>
            {t.plan.sections.commission}
            {badge("commission", "commission.team")}
          </span>
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <CommissionSection {...section} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="team">
        <AccordionHeader as="h3">
          <span className={styles.header}>
            {t.plan.sections.team}
            {badge("commission.team")}
          </span>
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <TeamCommissionSection {...section} teams={teams} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="pay">
        <AccordionHeader as="h3">{t.plan.sections.pay}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <PaySection {...section} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="review">
        <AccordionHeader as="h3">
          <span className={styles.header}>
            {t.review.title}
            {badge("review")}
          </span>
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <ReviewSection {...section} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
