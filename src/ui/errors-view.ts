// The problems of a scenario that could not be opened: a list of `file:line:col message`, each with
// its source line and a caret under the column. The previous scenario stays on screen.

import { h, replaceChildren } from "./dom.js";
import type { ShownDiagnostic } from "./compile-protocol.js";

export class ErrorsView {
  private readonly list = h("ol", { class: "errors-list" });
  private readonly title = h("h2", { id: "errors-title" });

  constructor(private readonly host: HTMLElement) {
    const close = h("button", { type: "button", class: "errors-close", "aria-label": "Dismiss errors" }, "×");
    close.addEventListener("click", () => this.hide());
    replaceChildren(
      host,
      close,
      this.title,
      h("p", { class: "errors-kept" }, "The scenario on screen was kept."),
      this.list,
    );
    host.setAttribute("aria-labelledby", "errors-title");
    this.hide();
  }

  show(fileName: string, diagnostics: readonly ShownDiagnostic[]): void {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const shown = errors.length > 0 ? errors : diagnostics;
    this.title.textContent = `${fileName} could not be opened: ${shown.length} problem${shown.length === 1 ? "" : "s"}`;
    replaceChildren(
      this.list,
      ...shown.map((d) =>
        h(
          "li",
          { class: `diagnostic ${d.severity}` },
          h("code", { class: "diagnostic-where" }, `${d.file}:${d.line}:${d.col}`),
          " ",
          h("span", { class: "diagnostic-message" }, d.message),
          d.source !== undefined
            ? h("pre", { class: "diagnostic-source" }, `${d.source}\n${" ".repeat(Math.max(0, d.col - 1))}^`)
            : null,
        ),
      ),
    );
    this.host.hidden = false;
  }

  hide(): void {
    this.host.hidden = true;
  }

  get visible(): boolean {
    return !this.host.hidden;
  }
}
