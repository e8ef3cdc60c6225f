// Opening your own scenario: a file input and drag-and-drop anywhere on the page. The files are
// read, then compiled off the page (a worker; on the page itself in the single-file build) while
// the progress view shows each stage; Cancel stops the compile. Errors are listed and the
// scenario on screen stays. Each stage is marked in the page's performance timeline
// (`frontfold:open:<stage>`, then `frontfold:open:done`), which the browser benchmark reads.

import {
  likelyMain,
  OPEN_STAGES,
  type CompileReply,
  type OpenProgress,
  type ScenarioCompiler,
} from "./compile-protocol.js";
import type { OpenProgressView } from "./open-progress.js";

export interface FileOpenHandlers {
  /** Shows a reply; resolves once its map is drawn (`progress` reports the drawing stage). */
  compiled(reply: CompileReply, progress: (p: OpenProgress) => void): Promise<void>;
  /** Opening was cancelled: the scenario on screen stays. */
  cancelled(name: string): void;
}

export class FileOpener {
  private nextId = 1;
  /** The open under way (its id), if any. */
  private current = 0;
  private stage: string | undefined;
  /** The name of the file under way. */
  private name = "";

  constructor(
    private readonly input: HTMLInputElement,
    private readonly button: HTMLButtonElement,
    private readonly overlay: HTMLElement,
    private readonly compiler: ScenarioCompiler,
    private readonly view: OpenProgressView,
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
    if (files.length === 0) return;
    const id = this.begin();
    const name = likelyMain(files) ?? "";
    const mb = (n: number) => Math.round(n / 1e5) / 10;
    const total = files.reduce((sum, f) => sum + f.size, 0);
    let done = 0;
    const read = [];
    for (const f of files) {
      this.progress(id, name, { stage: "reading", done: mb(done), total: mb(total), unit: "MB" });
      const bytes = new Uint8Array(await f.arrayBuffer());
      if (id !== this.current) return;
      done += f.size;
      read.push({ name: f.name, bytes });
    }
    const reply = await this.compiler.compile({ id, files: read }, (p) => this.progress(id, name, p));
    if (!reply || id !== this.current) return;
    await this.handlers.compiled(reply, (p) => this.progress(id, reply.main, p));
    this.end(id);
  }

  /** Stops the open under way; the scenario on screen stays. */
  cancel(): void {
    if (this.current === 0) return;
    const name = this.name;
    this.compiler.cancel();
    this.end(this.current);
    this.handlers.cancelled(name);
  }

  private begin(): number {
    // A new file replaces the one still opening.
    if (this.current !== 0) this.compiler.cancel();
    this.current = this.nextId++;
    this.stage = undefined;
    for (const stage of [...OPEN_STAGES, "reply", "done"]) performance.clearMarks(`frontfold:open:${stage}`);
    return this.current;
  }

  private progress(id: number, name: string, p: OpenProgress): void {
    if (id !== this.current) return;
    this.name = name;
    if (p.stage !== this.stage) {
      this.stage = p.stage;
      performance.mark(`frontfold:open:${p.stage}`);
    }
    this.view.show(name, p);
  }

  private end(id: number): void {
    if (id !== this.current) return;
    performance.mark("frontfold:open:done");
    this.current = 0;
    this.stage = undefined;
    this.view.show("", undefined);
  }
}
