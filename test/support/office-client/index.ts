/**
 * The adapter's `Host` over Microsoft's Excel client answering from the Excel double: `Excel.run`
 * is office.js's own (loaded by ./load.ts), its requests are served by ./server.ts. The requirement
 * sets, display language and platform are the double's host profile's.
 */
import type { Host } from "../../../src/office/host";
import type { DoubleHost } from "../excel-double/api";
import { sharedExcelClient, type SharedClient } from "./load";
import { RichApiServer, type ServedRequest } from "./server";

export type { ServedRequest };

export interface MicrosoftClient {
  client: SharedClient;
  /** Every request Microsoft's client sent, with its real size in bytes. */
  served: ServedRequest[];
  host: Host;
}

export function microsoftClient(double: DoubleHost): MicrosoftClient {
  const served: ServedRequest[] = [];
  const client = sharedExcelClient();
  const session = client.session(() => new RichApiServer(double, served));
  const answer = (set: string, version?: string) => double.isSetSupported(set, version);
  const Excel = client.Excel;
  const host: Host = {
    run: (batch) =>
      client.using(double, answer, () =>
        Excel.run(new Excel.RequestContext(session as Excel.Session), (context) => batch(context))
      ),
    runIn: (context, batch) =>
      client.using(double, answer, () =>
        Excel.run(context as Excel.RequestContext, (c: Excel.RequestContext) => batch(c))
      ),
    isSetSupported: answer,
    displayLanguage: () => double.displayLanguage,
  };
  return { client, served, host };
}
