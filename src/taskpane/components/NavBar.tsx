import * as React from "react";
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  makeStyles,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { useSession, type ViewId } from "../session";
import { VIEWS, type ViewDef } from "../views";

function OverflowMenuItem({
  view,
  onSelect,
}: {
  view: ViewDef;
  onSelect: (id: ViewId) => void;
}): React.JSX.Element | null {
  const visible = useIsOverflowItemVisible(view.id);
  const { strings: t } = useSession();
  if (visible) return null;
  const Icon = view.icon;
  return (
    <MenuItem icon={<Icon />} onClick={() => onSelect(view.id)}>
      {view.label(t)}
    </MenuItem>
  );
}

function MoreViews({ onSelect }: { onSelect: (id: ViewId) => void }): React.JSX.Element | null {
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  const { strings: t } = useSession();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          icon={<MoreHorizontalRegular />}
          aria-label={t.nav.more}
          title={t.nav.more}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {VIEWS.map((v) => (
            <OverflowMenuItem key={v.id} view={v} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

const useStyles = makeStyles({
  // the overflow container: the tab list and, beside it (not inside the tablist), the menu button
  bar: { display: "flex", alignItems: "center", minWidth: 0, overflow: "hidden" },
  tabs: { minWidth: 0, flexWrap: "nowrap" },
});

/** Tabs for the views; those that do not fit the pane's width go into a "more" menu. */
export function NavBar(): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, view, navigate } = useSession();
  return (
    <Overflow minimumVisible={2}>
      <div className={styles.bar}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={view}
          onTabSelect={(_, data) => navigate(data.value as ViewId)}
        >
          {VIEWS.map((v) => {
            const Icon = v.icon;
            return (
              <OverflowItem key={v.id} id={v.id} priority={v.id === view ? 2 : 1}>
                <Tab value={v.id} icon={<Icon />}>
                  {v.label(t)}
                </Tab>
              </OverflowItem>
            );
          })}
        </TabList>
        <MoreViews onSelect={navigate} />
      </div>
    </Overflow>
  );
}
