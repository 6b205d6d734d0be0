/**
 * An offline stand-in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js, served by the
 * browser tests through a route: what office.js offers a page opened outside Office. `Office.onReady`
 * calls back (and resolves) with `{ host: null, platform: null }`, `Office.context` has the display
 * language and a requirement check that answers false, and `CustomFunctions.associate` records the
 * ids it is given (office.js defines it in every page, so functions.js can register anywhere).
 *
 * What the page did is kept in `window.__officeStub`: how often onReady was called and the ids
 * associated.
 */
export const OFFICE_JS_PATH = "/lib/1/hosted/office.js";

export interface OfficeStubRecord {
  onReady: number;
  associated: string[];
  requirementChecks: string[];
}

export function officeStubSource(displayLanguage = "en-US"): string {
  return `(function () {
  "use strict";
  var record = { onReady: 0, associated: [], requirementChecks: [] };
  window.__officeStub = record;
  var info = { host: null, platform: null };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS" },
    context: {
      displayLanguage: ${JSON.stringify(displayLanguage)},
      requirements: {
        isSetSupported: function (name, version) {
          record.requirementChecks.push(name + " " + version);
          return false;
        }
      }
    },
    onReady: function (callback) {
      record.onReady++;
      return Promise.resolve().then(function () {
        if (typeof callback === "function") callback(info);
        return info;
      });
    }
  };
  window.CustomFunctions = {
    associate: function (id) {
      record.associated.push(String(id));
    }
  };
})();
`;
}
