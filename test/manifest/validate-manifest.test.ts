import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * `npm run validate` (scripts/validate-manifest.js) passes on the project's manifest.xml and fails,
 * with a message that names the problem, on manifests broken in the ways no XSD can see.
 */

const ROOT = path.resolve(__dirname, "..", "..");
const SCRIPT = path.join(ROOT, "scripts", "validate-manifest.js");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const SCHEMAS = path.resolve(ROOT, "..", "shared", "schemas", "office-addin-manifest");
const hasSchemas = fs.existsSync(path.join(SCHEMAS, "OfficeAppManifestV1_1.xsd"));
const hasXmllint = spawnSync("xmllint", ["--version"]).error === undefined;

interface Run {
  status: number | null;
  output: string;
}

function validate(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "", ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
  fs.cpSync(path.join(ROOT, "assets"), path.join(scratch, "assets"), { recursive: true });
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Writes a copy of manifest.xml with one edit next to a copy of assets/, and validates it. */
function validateEdited(name: string, edit: (xml: string) => string, args: string[] = []): Run {
  const xml = edit(MANIFEST);
  expect(xml).not.toBe(MANIFEST); // the edit must have changed something
  const file = path.join(scratch, `${name}.xml`);
  fs.writeFileSync(file, xml);
  return validate([file, ...args]);
}

function replaceOnce(search: string | RegExp, replacement: string): (xml: string) => string {
  return (xml) => {
    const count =
      typeof search === "string"
        ? xml.split(search).length - 1
        : (xml.match(new RegExp(search, "g")) ?? []).length;
    if (count !== 1)
      throw new Error(`expected one match of ${String(search)} in manifest.xml, found ${count}`);
    return xml.replace(search, replacement);
  };
}

describe("validate-manifest on the project's manifest.xml", () => {
  it("should pass", () => {
    const run = validate(["manifest.xml"]);
    expect(run.output).toContain("manifest.xml: valid");
    expect(run.status).toBe(0);
  });

  (hasSchemas && hasXmllint ? it : it.skip)(
    "should pass the XSD step with <Runtimes> blanked",
    () => {
      expect(validate(["manifest.xml"]).output).toContain(
        "XSD: valid against OfficeAppManifestV1_1.xsd"
      );
    }
  );

  it("should say the XSD step is skipped when the schemas are absent, and still run its own checks", () => {
    const missing = path.join(scratch, "no-schemas-here");
    const run = validate(["manifest.xml", "--schemas", missing]);
    expect(run.output).toMatch(/XSD step skipped: .*no-schemas-here.* not found/);
    expect(run.status).toBe(0);
    const broken = validateEdited(
      "no-schemas-dangling",
      replaceOnce('<Label resid="PerfGroup.Label"/>', '<Label resid="Nowhere"/>'),
      ["--schemas", missing]
    );
    expect(broken.status).toBe(1);
    expect(broken.output).toContain('resid "Nowhere"');
  });

  (hasSchemas ? it : it.skip)(
    "should say clearly that xmllint is missing, and fail under CI",
    () => {
      const noXmllint = { PATH: path.join(scratch, "empty-path") };
      const local = validate(["manifest.xml"], noXmllint);
      expect(local.output).toContain("xmllint is not installed");
      expect(local.status).toBe(0);
      const ci = validate(["manifest.xml"], { ...noXmllint, CI: "true" });
      expect(ci.output).toContain("xmllint is not installed");
      expect(ci.status).toBe(1);
    }
  );
});

describe("validate-manifest on broken manifests", () => {
  const cases: { name: string; edit: (xml: string) => string; message: RegExp }[] = [
    {
      name: "dangling resid",
      edit: replaceOnce(
        '<Label resid="TaskpaneButton.Label"/>',
        '<Label resid="TaskpaneButton.Missing"/>'
      ),
      message: /resid "TaskpaneButton\.Missing" on <Label> \(line \d+\) does not resolve/,
    },
    {
      name: "resid of the wrong kind",
      edit: replaceOnce(
        '<Description resid="TaskpaneButton.Tooltip"/>',
        '<Description resid="TaskpaneButton.Title"/>'
      ),
      message:
        /resid "TaskpaneButton\.Title" on <Description> .* points to a bt:ShortString, but needs a bt:LongString/,
    },
    {
      name: "missing zh-CN override of a ribbon string",
      edit: replaceOnce('\n          <bt:Override Locale="zh-CN" Value="绩效方案"/>', ""),
      message: /string "TaskpaneButton\.Label" .* has no zh-CN override/,
    },
    {
      name: "missing zh-CN override of the display name",
      edit: replaceOnce('\n    <Override Locale="zh-CN" Value="销售绩效方案"/>', ""),
      message: /<DisplayName> .* has no zh-CN override/,
    },
    {
      name: "missing zh-CN functions metadata",
      edit: replaceOnce(
        /\n\s*<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions\.zh-CN\.json"\/>/,
        ""
      ),
      message: /functions metadata URL "Functions\.Metadata\.Url" has no zh-CN override/,
    },
    {
      name: "wrong icon size",
      edit: replaceOnce(
        'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
        'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"'
      ),
      message: /bt:Image "Icon\.80x80" .*icon-64\.png is 64×64 px, but is declared as 80×80/,
    },
    {
      name: "missing icon file",
      edit: replaceOnce(
        '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
        '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-640.png"/>'
      ),
      message: /<HighResolutionIconUrl> .*icon-640\.png does not exist/,
    },
    {
      name: "short-lived runtime",
      edit: replaceOnce('lifetime="long"', 'lifetime="short"'),
      message: /<Runtime lifetime="short"> .* must be lifetime="long"/,
    },
    {
      name: "runtime page that differs from the task pane",
      edit: (xml) =>
        replaceOnce(
          '<Runtime resid="Taskpane.Url" lifetime="long"/>',
          '<Runtime resid="Other.Url" lifetime="long"/>'
        )(xml).replace(
          "<bt:Urls>",
          '<bt:Urls>\n        <bt:Url id="Other.Url" DefaultValue="https://localhost:3000/other.html"/>'
        ),
      message:
        /shared runtime: <Runtime resid> is https:\/\/localhost:3000\/other\.html, but the task pane page is https:\/\/localhost:3000\/taskpane\.html/,
    },
    {
      name: "plain http URL",
      edit: replaceOnce(
        'DefaultValue="https://localhost:3000/functions.js"',
        'DefaultValue="http://localhost:3000/functions.js"'
      ),
      message:
        /bt:Url "Functions\.Script\.Url" .*URL "http:\/\/localhost:3000\/functions\.js" is not https/,
    },
    {
      name: "URL under another base",
      edit: replaceOnce(
        'DefaultValue="https://localhost:3000/functions.js"',
        'DefaultValue="https://cdn.example.com/functions.js"'
      ),
      message:
        /"https:\/\/cdn\.example\.com\/functions\.js" is not under the add-in's base URL https:\/\/localhost:3000\//,
    },
    {
      name: "short Version",
      edit: replaceOnce("<Version>1.0.0.0</Version>", "<Version>1.0</Version>"),
      message: /Version "1\.0" must have four numeric parts/,
    },
    {
      name: "broader permission",
      edit: replaceOnce(
        "<Permissions>ReadWriteDocument</Permissions>",
        "<Permissions>ReadAllDocument</Permissions>"
      ),
      message:
        /Permissions is "ReadAllDocument"; the add-in needs ReadWriteDocument and nothing broader/,
    },
    {
      name: "not well-formed XML",
      edit: replaceOnce("</Hosts>\n  <Requirements>", "</Hostz>\n  <Requirements>"),
      message: /is not well-formed XML/,
    },
  ];

  it.each(cases)("should fail on a manifest with a $name", ({ name, edit, message }) => {
    const run = validateEdited(name.replace(/\W+/g, "-"), edit);
    expect(run.output).toMatch(message);
    expect(run.output).toMatch(/INVALID \(\d+ errors?\)/);
    expect(run.status).toBe(1);
  });

  (hasSchemas && hasXmllint ? it : it.skip)(
    "should fail the XSD step on elements out of schema order",
    () => {
      const run = validateEdited(
        "xsd-order",
        replaceOnce(
          "<Version>1.0.0.0</Version>\n  <ProviderName>PERF Plan</ProviderName>",
          "<ProviderName>PERF Plan</ProviderName>\n  <Version>1.0.0.0</Version>"
        )
      );
      expect(run.output).toMatch(/XSD: .* does not validate against OfficeAppManifestV1_1\.xsd/);
      expect(run.output).toMatch(/ProviderName': This element is not expected/);
      expect(run.status).toBe(1);
    }
  );

  (hasSchemas && hasXmllint ? it : it.skip)(
    "should report XSD errors with the manifest's own line numbers",
    () => {
      const run = validateEdited(
        "xsd-guid",
        replaceOnce("<Id>62649597-0b17-43eb-a72c-88c06a80aabf</Id>", "<Id>not-a-guid</Id>")
      );
      const line = MANIFEST.split("\n").findIndex((l) => l.includes("<Id>")) + 1;
      expect(run.output).toContain(`xsd-guid.xml:${line}:`);
      expect(run.status).toBe(1);
    }
  );
});
