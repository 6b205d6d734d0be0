/** @jest-environment jsdom */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";

describe("task pane App", () => {
  it("should greet in English for an en-US Office", () => {
    render(<App language="en-US" />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sales Performance Plan");
    expect(screen.getByRole("main").getAttribute("lang")).toBe("en-US");
  });

  it("should greet in Chinese for a zh-CN Office", () => {
    render(<App language="zh-CN" />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("销售绩效方案");
    expect(screen.getByText(/PERF 函数/)).toBeTruthy();
  });
});
