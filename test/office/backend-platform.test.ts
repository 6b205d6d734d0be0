/**
 * The Office backend's platform and the system browser (issue 12, item 4): on Mac the pane saves
 * the plan through Office.context.ui.openBrowserWindow, which needs OpenBrowserWindowApi 1.1
 * (declared by Mac builds since September 2020); where the set is missing the backend says it cannot, and opens nothing.
 */
import { createOfficeBackend } from "../../src/office/backend";
import { createExcelDouble } from "../support/excel-double";
import { CLIENT_PROFILES } from "../support/excel-double/profiles";
import { memorySettings } from "./support";

const mac = (name: string) => CLIENT_PROFILES.find((p) => p.name === name)!;

describe("the Office backend on Mac", () => {
  it.each([
    ["Mac, current", true],
    ["Mac 16.35", false],
  ])(
    "should report the platform and open the browser only with OpenBrowserWindowApi 1.1 (%s)",
    (name, opens) => {
      const d = createExcelDouble({ profile: mac(name) });
      const uninstall = d.install();
      try {
        const backend = createOfficeBackend(d.directHost(), memorySettings());
        expect(backend.platform?.()).toBe("Mac");
        expect(
          backend.openBrowserWindow?.("https://addins.example.com/perf/taskpane.html#save-plan=e30")
        ).toBe(opens);
        expect(d.host.browserWindows).toHaveLength(opens ? 1 : 0);
      } finally {
        uninstall();
      }
    }
  );
});
