/**
 * The message index (src/messages.ts): every catalogue in src/ is listed, every key has English
 * and Chinese text with the same placeholders, and every key src/ uses is defined. Uses are found
 * by the type checker: a string literal whose contextual type is a union of message keys
 * (MessageKey, OfficeMessageKey, …) is a use of that key.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { formatMessage, type MessageText } from "../src/engine/messages";
import { messageCatalogues, messageText } from "../src/messages";

const root = path.join(__dirname, "..");
const src = path.join(root, "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

const catalogues = messageCatalogues() as Record<string, Record<string, MessageText>>;
const keys = new Set(Object.values(catalogues).flatMap((c) => Object.keys(c)));

/** Placeholders one language leaves out on purpose ("{text} 不是月份" says "not a month", no kind). */
const OMITTED: Record<string, { zh?: string[]; en?: string[] }> = {
  periodNotMonth: { zh: ["kind"] },
};

/** The `{name}` placeholders of a text, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** Every string literal in src/ whose contextual type is a union of message keys. */
function usedKeys(): { key: string; where: string }[] {
  const files = sourceFiles(src);
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), (f) => ts.sys.readFile(f));
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const isKeyType = (t: ts.Type | undefined): boolean =>
    t !== undefined &&
    t.isUnion() &&
    t.types.length > 1 &&
    t.types.every((m) => m.isStringLiteral() && keys.has(m.value));
  const used: { key: string; where: string }[] = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(src.split(path.sep).join("/"))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) && isKeyType(checker.getContextualType(node))) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        used.push({ key: node.text, where: `${path.relative(root, file.fileName)}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return used;
}

describe("the message index", () => {
  it("should list every catalogue declared in src/, once", () => {
    const listed = Object.values(catalogues);
    expect(new Set(listed).size).toBe(listed.length);
    const declared = sourceFiles(src).flatMap((file) => {
      const text = fs.readFileSync(file, "utf8");
      return [
        ...text.matchAll(
          /export const (\w+) = \{(?:(?!\n\})[\s\S])*\n\} (?:as const )?satisfies Catalogue;/g
        ),
      ].map((m) => ({ file, name: m[1] }));
    });
    expect(declared.length).toBe(listed.length);
    for (const { file, name } of declared) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const catalogue = (require(file) as Record<string, unknown>)[name];
      expect({
        file,
        name,
        listed: listed.includes(catalogue as Record<string, MessageText>),
      }).toEqual({ file, name, listed: true });
    }
  });

  it("should define each key once, in English and Chinese with the same placeholders", () => {
    const seen = new Map<string, string>();
    for (const [name, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect({ key, again: seen.get(key) }).toEqual({ key, again: undefined });
        seen.set(key, name);
        expect(text.en.trim()).not.toBe("");
        expect(text.zh.trim()).not.toBe("");
        const en = placeholders(text.en).filter((p) => !OMITTED[key]?.zh?.includes(p));
        const zh = placeholders(text.zh).filter((p) => !OMITTED[key]?.en?.includes(p));
        expect({ key, zh }).toEqual({ key, zh: en });
      }
    }
  });

  it("should define every key src/ uses, in both languages", () => {
    const used = usedKeys();
    // the checker finds the uses: the engine's, the import's, the workbook's and Office's
    for (const key of ["targetZero", "planFileNotJson", "officeSheetRenamed", "compatNoDropDowns"])
      expect(used.map((u) => u.key)).toContain(key);
    const missing = used.filter((u) => messageText(u.key) === undefined);
    expect(missing).toEqual([]);
    for (const { key } of used) {
      expect(formatMessage(key as never, {}, "en-US")).not.toBe(key);
      expect(formatMessage(key as never, {}, "zh-CN")).not.toBe(key);
    }
  });
});
