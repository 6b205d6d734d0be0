import * as fs from "fs";
import * as path from "path";

/** Project paths the build and tooling tests share. */
export const ROOT = path.resolve(__dirname, "..", "..");
export const FUNCTIONS_SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
export const GOLDEN_METADATA = path.join(ROOT, "test", "golden", "functions.json");

/** The functions entry point is written by the functions engineer; until it exists there is nothing to build. */
export const hasFunctionsSource = fs.existsSync(FUNCTIONS_SOURCE);

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: {
    name: string;
    description?: string;
    type?: string;
    dimensionality?: string;
    optional?: boolean;
    repeating?: boolean;
  }[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

export interface FunctionsMetadata {
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
  enums?: unknown[];
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}
