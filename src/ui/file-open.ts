// Opening your own scenario: a file input and drag-and-drop anywhere on the page. The files are
// compiled off the page (a worker; on the page itself in the single-file build); errors are
// listed and the scenario on screen stays.

import { decodeText } from "../core/text.js";
import { mainFile, type CompileReply, type ScenarioCompiler } from "./compile-protocol.js";

export interface OpenedFiles {
  readonly main: string;
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

export interface FileOpenHandlers {
  compiled(reply: CompileReply, opened: OpenedFiles): void;
  busy(message: string | undefined): void;
}

export class FileOpener {
  private nextId = 1;
  private pending = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly button: HTMLButtonElement,
    private readonly overlay: HTMLElement,
    private readonly compiler: ScenarioCompiler,
    private readonly handlers: FileOpenHandlers,
  ) {
    button.addEventListener("click", () => input.click());
    input.addEventListener("change", () => {
      if (input.files && input.files.length > 0) void this.open([...input.files]);
      input.value = "";
    });
    let depth = 0;
    const hasFiles = (ev: DragEvent) => ev.dataTransfer?.types.includes("Files") ?? false;
    window.addEventListener("dragenter", (ev) => {
      if (!hasFiles(ev)) return;
      depth++;
      overlay.hidden = false;
    });
    window.addEventListener("dragleave", () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) overlay.hidden = true;
    });
    window.addEventListener("dragover", (ev) => {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      if (ev.dataTransfer) ev.dataTransfer.dropEffect = "copy";
    });
    window.addEventListener("drop", (ev) => {
      depth = 0;
      overlay.hidden = true;
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      const files = [...(ev.dataTransfer?.files ?? [])];
      if (files.length > 0) void this.open(files);
    });
  }

  async open(files: readonly File[]): Promise<void> {
    const texts = await Promise.all(
      files.map(async (f) => ({ name: f.name, text: decodeText(new Uint8Array(await f.arrayBuffer())) })),
    );
    const main = mainFile(texts);
    if (!main) return;
    this.compile({ main, files: texts });
  }

  compile(opened: OpenedFiles): void {
    const id = this.nextId++;
    this.pending++;
    this.handlers.busy(`Compiling ${opened.main}…`);
    void this.compiler.compile({ id, main: opened.main, files: opened.files }).then((reply) => {
      this.pending--;
      if (this.pending === 0) this.handlers.busy(undefined);
      this.handlers.compiled(reply, opened);
    });
  }
}
