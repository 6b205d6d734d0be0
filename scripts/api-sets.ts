/**
 * Office.js requirement sets, from @types/office-js and the custom functions' runtime types (each
 * member's `[Api set: ExcelApi 1.9]` or
 * `**Requirement set**: … OpenBrowserWindowApi 1.1` in its doc comment, which mirrors
 * learn.microsoft.com/javascript/api):
 *
 *   npm run check:api-sets        every Office.js member src/ uses, with its set; a member above
 *                                 the manifest's minimum that no run-time guard protects fails,
 *                                 and so does a stale table of the Excel double (CI runs this)
 *   npm run api-sets:double       regenerate test/support/excel-double/api-sets.generated.ts, the
 *                                 set of every member of the Excel classes the double models
 *
 * A guard is a branch the member is inside of (`if`, `? :`, `&&`, or an earlier `if (!…) return`)
 * whose condition asserts a set at least as high: a `Features` flag of src/office/host.ts (its
 * REQUIREMENTS), a feature of src/compat (`….features.<id>`), a call `isSetSupported("Set", "1.x")`,
 * or a local constant holding one of those. A member inside a function is guarded when every
 * call of that function is; a closure counts where it is created.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { MANIFEST_REQUIREMENTS, FEATURES, compareVersions } from "../src/compat/requirements";
import { REQUIREMENTS } from "../src/office/host";
import { EXCEL_CLASSES } from "../test/support/excel-double/classes";

export interface Requirement {
  set: string;
  version: string;
}

export const ROOT = path.resolve(__dirname, "..");
export const OFFICE_TYPES = path.join(ROOT, "node_modules", "@types", "office-js", "index.d.ts");
/** The custom functions' runtime is declared apart, in the same form. */
const RUNTIME_TYPES = ["custom-functions-runtime", "office-runtime"].map((p) =>
  path.join(ROOT, "node_modules", "@types", p, "index.d.ts")
);
/** A file by its real path: node_modules may be a link (a git worktree sharing another's modules). */
const real = (file: string) => (fs.existsSync(file) ? fs.realpathSync(file) : file);
const TYPE_FILES = new Set([OFFICE_TYPES, ...RUNTIME_TYPES].map(real));
const isOfficeTypes = (file: string) => TYPE_FILES.has(real(file));
export const DOUBLE_TABLE = path.join(
  ROOT,
  "test",
  "support",
  "excel-double",
  "api-sets.generated.ts"
);

/** Sets of other applications that @types/office-js lists beside Excel's. */
const OTHER_APPS = /^(Mailbox|Word|PowerPoint|OneNote|Visio|Project|Outlook|Identity)/;

/**
 * Sets every Excel that satisfies the manifest's <Requirements> has (Microsoft Learn, "Office
 * Common API requirement sets": Settings is supported by Excel 2013 and later on every platform).
 */
const IMPLIED: readonly Requirement[] = [{ set: "Settings", version: "1.1" }];

/** The requirement sets a declaration's doc comment names (Excel's and the common ones). */
export function requirementsIn(doc: string): Requirement[] {
  const out: Requirement[] = [];
  for (const m of doc.matchAll(/\[Api set: ([A-Za-z]+) (\d+\.\d+)/g))
    out.push({ set: m[1], version: m[2] });
  for (const m of doc.matchAll(
    /\*\*Requirement sets?\*\*:([\s\S]*?)(?=\n\s*\*\s*\n\s*\*\s*[^\s-]|$)/g
  ))
    for (const r of m[1].matchAll(/\|\s*([A-Za-z]+)(?:\s+(\d+\.\d+))?\s*\}/g))
      out.push({ set: r[1], version: r[2] ?? "1.1" });
  return out.filter((r) => !OTHER_APPS.test(r.set));
}

function docOf(node: ts.Node): string {
  const text = node.getSourceFile().getFullText();
  return text.slice(node.getFullStart(), node.getStart());
}

/** "Excel.Range.copyFrom" for a member declaration of @types/office-js. */
function qualifiedName(decl: ts.Declaration): string {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = decl; n; n = n.parent) {
    const name = (n as { name?: ts.Node }).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) parts.unshift(name.text);
  }
  return parts.join(".");
}

// ---- the double's table -----------------------------------------------------------------------

/** ExcelApi version of every member of the named Excel classes, by class. */
export function excelClassSets(classes: readonly string[]): Record<string, Record<string, string>> {
  const source = ts.createSourceFile(
    OFFICE_TYPES,
    fs.readFileSync(OFFICE_TYPES, "utf8"),
    ts.ScriptTarget.Latest,
    true
  );
  const wanted = new Set(classes);
  const out: Record<string, Record<string, string>> = {};
  const visit = (node: ts.Node): void => {
    if (
      ts.isClassDeclaration(node) &&
      node.name &&
      wanted.has(node.name.text) &&
      ts.isModuleBlock(node.parent) &&
      (node.parent.parent as ts.ModuleDeclaration).name.getText() === "Excel"
    ) {
      const members: Record<string, string> = {};
      for (const m of node.members) {
        if (!m.name || !ts.isIdentifier(m.name)) continue;
        const excel = requirementsIn(docOf(m)).filter((r) => r.set === "ExcelApi");
        if (excel.length === 0) continue;
        const lowest = excel.map((r) => r.version).sort(compareVersions)[0];
        const had = members[m.name.text];
        members[m.name.text] = had && compareVersions(had, lowest) < 0 ? had : lowest;
      }
      out[node.name.text] = Object.fromEntries(
        Object.entries(members).sort(([a], [b]) => (a < b ? -1 : 1))
      );
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const missing = classes.filter((c) => !out[c]);
  if (missing.length) throw new Error(`@types/office-js has no Excel.${missing.join(", Excel.")}`);
  return out;
}

function typesVersion(): string {
  const pkg = path.join(path.dirname(OFFICE_TYPES), "package.json");
  return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
}

export function doubleTableText(): string {
  const table = excelClassSets(EXCEL_CLASSES);
  const body = Object.entries(table)
    .map(
      ([cls, members]) =>
        `  ${cls}: {\n${Object.entries(members)
          .map(([m, v]) => `    ${m}: "${v}",`)
          .join("\n")}\n  },`
    )
    .join("\n");
  return `// Generated by \`npm run api-sets:double\` (scripts/api-sets.ts) from @types/office-js ${typesVersion()}.
// Do not edit: the ExcelApi requirement set of every member of the Excel classes the double
// models (test/support/excel-double/classes.ts), as @types/office-js documents it.
export const EXCEL_API_SETS: Record<string, Record<string, string>> = {
${body}
};
`;
}

// ---- the check of src/ ------------------------------------------------------------------------

export interface Usage {
  member: string;
  needs: Requirement[];
  file: string;
  line: number;
  /** The guard that protects it, or undefined. */
  guard?: string;
  /** The sets it needs beyond the manifest's minimum. */
  above: Requirement[];
}

function satisfied(have: readonly Requirement[], need: Requirement): boolean {
  return have.some((h) => h.set === need.set && compareVersions(h.version, need.version) >= 0);
}

const SRC = path.join(ROOT, "src") + path.sep;

/** A program of the given files (default: every file of src/) with the project's options. */
function program(files?: string[]): ts.Program {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram(
    files ?? parsed.fileNames.filter((f) => path.resolve(f).startsWith(SRC)),
    parsed.options
  );
}

class GuardFinder {
  private readonly calls = new Map<ts.Node, ts.Node[]>();
  private readonly escapes = new Set<ts.Node>();

  constructor(
    private readonly checker: ts.TypeChecker,
    files: readonly ts.SourceFile[]
  ) {
    for (const f of files) this.index(f);
  }

  /** Call sites of every function and method declared in src/, and those passed around. */
  private index(node: ts.Node): void {
    const named =
      node.parent !== undefined &&
      (ts.isImportSpecifier(node.parent) || ts.isExportSpecifier(node.parent));
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && !named) {
      let symbol = this.checker.getSymbolAtLocation(node);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias)
        symbol = this.checker.getAliasedSymbol(symbol);
      const decl = symbol?.valueDeclaration;
      if (
        decl &&
        (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) &&
        decl.name !== node
      ) {
        const callee = ts.isPropertyAccessExpression(node.parent) ? node.parent : node;
        if (ts.isCallExpression(callee.parent) && callee.parent.expression === callee) {
          const list = this.calls.get(decl) ?? [];
          list.push(callee.parent);
          this.calls.set(decl, list);
        } else this.escapes.add(decl);
      }
    }
    ts.forEachChild(node, (c) => this.index(c));
  }

  /** What an expression asserts about the host when it is `value`. */
  private asserts(expr: ts.Expression, value: boolean, need: Requirement): string | undefined {
    if (ts.isParenthesizedExpression(expr)) return this.asserts(expr.expression, value, need);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken)
      return this.asserts(expr.operand, !value, need);
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (
        (op === ts.SyntaxKind.AmpersandAmpersandToken && value) ||
        (op === ts.SyntaxKind.BarBarToken && !value)
      )
        return this.asserts(expr.left, value, need) ?? this.asserts(expr.right, value, need);
      return undefined;
    }
    if (!value) return undefined;
    const g = this.guardOf(expr);
    return g && satisfied(g.requirements, need) ? g.text : undefined;
  }

  /** The requirements a guard expression stands for, when it is one. */
  private guardOf(expr: ts.Expression): { text: string; requirements: Requirement[] } | undefined {
    const text = expr.getText();
    if (ts.isPropertyAccessExpression(expr)) {
      const name = expr.name.text;
      const owner = this.checker.typeToString(this.checker.getTypeAtLocation(expr.expression));
      if (owner === "Features" && name in REQUIREMENTS)
        return {
          text,
          requirements: [
            { set: "ExcelApi", version: REQUIREMENTS[name as keyof typeof REQUIREMENTS] },
          ],
        };
      const feature = FEATURES.find((f) => f.id === name);
      if (
        feature &&
        ts.isPropertyAccessExpression(expr.expression) &&
        expr.expression.name.text === "features"
      )
        return { text, requirements: [...feature.needs] };
    }
    if (ts.isCallExpression(expr)) {
      const callee = expr.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
      const [set, version] = expr.arguments;
      if (name === "isSetSupported" && set && ts.isStringLiteral(set))
        return {
          text,
          requirements: [
            {
              set: set.text,
              version: version && ts.isStringLiteral(version) ? version.text : "1.1",
            },
          ],
        };
    }
    if (ts.isIdentifier(expr)) {
      const decl = this.checker.getSymbolAtLocation(expr)?.valueDeclaration;
      if (
        decl &&
        ts.isVariableDeclaration(decl) &&
        decl.initializer &&
        ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const
      )
        return this.guardOf(decl.initializer);
    }
    return undefined;
  }

  /** The guard protecting `node`'s need, or undefined. */
  guard(
    node: ts.Node,
    need: Requirement,
    depth = 0,
    seen = new Set<ts.Node>()
  ): string | undefined {
    let child: ts.Node = node;
    for (let cur = node.parent; cur; child = cur, cur = cur.parent) {
      const found = this.branchGuard(cur, child, need);
      if (found) return found;
      if (ts.isFunctionDeclaration(cur) || ts.isMethodDeclaration(cur)) {
        if (depth > 6 || seen.has(cur) || this.escapes.has(cur)) return undefined;
        seen.add(cur);
        // a recursive call is reached only through the function's other callers
        const within = (n: ts.Node) => n.pos >= cur.pos && n.end <= cur.end;
        const sites = (this.calls.get(cur) ?? []).filter(
          (site) => site.getSourceFile() !== cur.getSourceFile() || !within(site)
        );
        if (sites.length === 0) return undefined;
        const guards = sites.map((s) => this.guard(s, need, depth + 1, seen));
        return guards.every((g) => g !== undefined) ? guards[0] : undefined;
      }
      if (ts.isConstructorDeclaration(cur) || ts.isAccessor(cur)) return undefined;
    }
    return undefined;
  }

  private branchGuard(cur: ts.Node, child: ts.Node, need: Requirement): string | undefined {
    if (ts.isIfStatement(cur)) {
      if (child === cur.thenStatement) return this.asserts(cur.expression, true, need);
      if (child === cur.elseStatement) return this.asserts(cur.expression, false, need);
    } else if (ts.isConditionalExpression(cur)) {
      if (child === cur.whenTrue) return this.asserts(cur.condition, true, need);
      if (child === cur.whenFalse) return this.asserts(cur.condition, false, need);
    } else if (ts.isBinaryExpression(cur) && child === cur.right) {
      const op = cur.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return this.asserts(cur.left, true, need);
      if (op === ts.SyntaxKind.BarBarToken) return this.asserts(cur.left, false, need);
    } else if (ts.isBlock(cur) || ts.isSourceFile(cur)) {
      // an earlier `if (!guard) return / throw / continue / break;`
      for (const st of cur.statements) {
        if (st === child) break;
        if (ts.isIfStatement(st) && !st.elseStatement && exits(st.thenStatement)) {
          const g = this.asserts(st.expression, false, need);
          if (g) return g;
        }
      }
    }
    return undefined;
  }
}

function exits(st: ts.Statement): boolean {
  if (
    ts.isReturnStatement(st) ||
    ts.isThrowStatement(st) ||
    ts.isContinueStatement(st) ||
    ts.isBreakStatement(st)
  )
    return true;
  return (
    ts.isBlock(st) && st.statements.length > 0 && exits(st.statements[st.statements.length - 1])
  );
}

/** Every Office.js member src/ (or the given files) uses, its sets, and what guards it. */
export function officeUsages(only?: string[]): Usage[] {
  const prog = program(only);
  const checker = prog.getTypeChecker();
  const wanted = only ? new Set(only.map((f) => path.resolve(f))) : undefined;
  const files = prog
    .getSourceFiles()
    .filter((f) =>
      wanted ? wanted.has(path.resolve(f.fileName)) : path.resolve(f.fileName).startsWith(SRC)
    );
  const guards = new GuardFinder(checker, files);
  const minimum = [...MANIFEST_REQUIREMENTS, ...IMPLIED];
  const usages: Usage[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const decls = checker.getSymbolAtLocation(node.name)?.declarations ?? [];
      const office = decls.filter((d) => isOfficeTypes(path.resolve(d.getSourceFile().fileName)));
      if (office.length > 0) {
        const needs = lowestPerSet(office.flatMap((d) => requirementsIn(docOf(d))));
        const above = needs.filter((r) => !satisfied(minimum, r));
        const sf = node.getSourceFile();
        const guard = above.length
          ? above.map((r) => guards.guard(node, r)).every((g) => g !== undefined)
            ? guards.guard(node, above[0])
            : undefined
          : undefined;
        usages.push({
          member: qualifiedName(office[0]),
          needs,
          file: path.relative(ROOT, sf.fileName),
          line: sf.getLineAndCharacterOfPosition(node.name.getStart()).line + 1,
          guard,
          above,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const f of files) visit(f);
  return usages;
}

function lowestPerSet(reqs: Requirement[]): Requirement[] {
  const by = new Map<string, string>();
  for (const r of reqs) {
    const had = by.get(r.set);
    if (had === undefined || compareVersions(r.version, had) < 0) by.set(r.set, r.version);
  }
  return [...by].map(([set, version]) => ({ set, version }));
}

const show = (rs: Requirement[]) => rs.map((r) => `${r.set} ${r.version}`).join(", ") || "—";

function check(): number {
  const usages = officeUsages();
  const byMember = new Map<string, Usage[]>();
  for (const u of usages) byMember.set(u.member, [...(byMember.get(u.member) ?? []), u]);
  const manifest = show([...MANIFEST_REQUIREMENTS]);
  console.log(`Office.js members used by src/ (manifest's minimum: ${manifest})\n`);
  for (const [member, list] of [...byMember].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const above = list.filter((u) => u.above.length > 0);
    const guarded = above.filter((u) => u.guard).map((u) => u.guard);
    const note = above.length
      ? `above the minimum, guarded ${guarded.length}/${above.length} (${[...new Set(guarded)].join("; ")})`
      : "";
    console.log(`  ${member.padEnd(52)} ${show(list[0].needs).padEnd(28)} ${list.length}× ${note}`);
  }
  const failures = usages.filter((u) => u.above.length > 0 && !u.guard);
  for (const f of failures)
    console.error(
      `\n${f.file}:${f.line}: ${f.member} needs ${show(f.above)}, above the manifest's minimum, and no run-time guard protects it`
    );
  const stale = fs.existsSync(DOUBLE_TABLE)
    ? fs.readFileSync(DOUBLE_TABLE, "utf8") !== doubleTableText()
    : true;
  if (stale)
    console.error(
      `\n${path.relative(ROOT, DOUBLE_TABLE)} is not what @types/office-js gives: run npm run api-sets:double`
    );
  console.log(
    `\n${usages.length} uses of ${byMember.size} members; ${failures.length} unguarded above the minimum`
  );
  return failures.length > 0 || stale ? 1 : 0;
}

if (require.main === module) {
  const command = process.argv[2];
  if (command === "check") process.exit(check());
  else if (command === "double") {
    fs.writeFileSync(DOUBLE_TABLE, doubleTableText());
    console.log(`wrote ${path.relative(ROOT, DOUBLE_TABLE)}`);
  } else {
    console.error("usage: tsx scripts/api-sets.ts check | double");
    process.exit(2);
  }
}
