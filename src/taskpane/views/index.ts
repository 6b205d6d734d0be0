/**
 * The pane's views in navigation order. A new view (issue 7: statements, what-if, plan versions,
 * period close) is one entry here and one id in session.ViewId; the navigation bar moves what does
 * not fit a narrow pane into its "more" menu.
 */
import type * as React from "react";
import type { FluentIcon } from "@fluentui/react-icons";
import {
  DataBarVerticalRegular,
  DatabaseRegular,
  DocumentBulletListRegular,
  HomeRegular,
  PersonSearchRegular,
} from "@fluentui/react-icons";
import type { ViewId } from "../session";
import type { Strings } from "../strings";
import { DataView } from "./DataView";
import { ExplainView } from "./ExplainView";
import { GenerateView } from "./GenerateView";
import { PlanView } from "./PlanView";
import { StartView } from "./StartView";

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
];
