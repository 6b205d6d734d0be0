/**
 * The pane's views in navigation order. A new view is one entry here and one id in
 * session.ViewId; the navigation bar moves what does not fit a narrow pane into its "more" menu.
 */
import type * as React from "react";
import type { FluentIcon } from "@fluentui/react-icons";
import {
  BeakerRegular,
  CalendarLtrRegular,
  DataBarVerticalRegular,
  DatabaseRegular,
  DocumentBulletListRegular,
  DocumentMultipleRegular,
  HomeRegular,
  LockClosedRegular,
  MoneyRegular,
  PersonSearchRegular,
  TargetArrowRegular,
  ScalesRegular,
} from "@fluentui/react-icons";
import type { ViewId } from "../session";
import type { Strings } from "../strings";
import { DataView } from "./DataView";
import { ExplainView } from "./ExplainView";
import { GenerateView } from "./GenerateView";
import { PlanView } from "./PlanView";
import { StartView } from "./StartView";
import { StatementsView } from "./StatementsView";
import { WhatIfView } from "./WhatIfView";
import { CloseView } from "./CloseView";
import { PayrollView } from "./PayrollView";
import { TrackingView } from "./TrackingView";
import { LettersView } from "./LettersView";
import { AppealsView } from "./AppealsView";

export interface ViewDef {
  id: ViewId;
  label(t: Strings): string;
  icon: FluentIcon;
  component: React.ComponentType;
}

export const VIEWS: readonly ViewDef[] = [
  { id: "start", label: (t) => t.nav.start, icon: HomeRegular, component: StartView },
  { id: "plan", label: (t) => t.nav.plan, icon: DocumentBulletListRegular, component: PlanView },
  { id: "data", label: (t) => t.nav.data, icon: DatabaseRegular, component: DataView },
  {
    id: "generate",
    label: (t) => t.nav.generate,
    icon: DataBarVerticalRegular,
    component: GenerateView,
  },
  { id: "explain", label: (t) => t.nav.explain, icon: PersonSearchRegular, component: ExplainView },
  {
    id: "statements",
    label: (t) => t.nav.statements,
    icon: DocumentMultipleRegular,
    component: StatementsView,
  },
  { id: "payroll", label: (t) => t.nav.payroll, icon: MoneyRegular, component: PayrollView },
  { id: "whatif", label: (t) => t.nav.whatIf, icon: BeakerRegular, component: WhatIfView },
  { id: "appeals", label: (t) => t.appeals.nav, icon: ScalesRegular, component: AppealsView },
  { id: "close", label: (t) => t.nav.close, icon: LockClosedRegular, component: CloseView },
  {
    id: "tracking",
    label: (t) => t.tracking.nav,
    icon: CalendarLtrRegular,
    component: TrackingView,
  },
  { id: "letters", label: (t) => t.letters.nav, icon: TargetArrowRegular, component: LettersView },
];
