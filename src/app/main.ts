// The browser entry: builds the app, opens the scenario the address asks for (or the default),
// wires the scenario picker, file opening, presenter mode and, in development, hot reload of
// scenario files. With `?notes=1` the page is a presenter's notes window instead.

import "./styles.css";
import { App } from "../ui/app.js";
import { byId, h, nextPaint, replaceChildren } from "../ui/dom.js";
import { ErrorsView } from "../ui/errors-view.js";
import { FileOpener } from "../ui/file-open.js";
import { OpenProgressView } from "../ui/open-progress.js";
import { scenarioState } from "../ui/scenario-state.js";
import { NotesView } from "../ui/notes-view.js";
import { Presenter } from "../ui/presenter.js";
import { parseNotesAddress, parsePresenterOptions } from "../ui/presenter-url.js";
import { parseUrlState, type UrlState } from "../ui/url-state.js";
import type { ScenarioBundle } from "../map/bundle.js";
import { DEFAULT_SCENARIO, shipped } from "./shipped.js";
import scenarioIndex from "virtual:frontfold/scenario-index";
import { ATLAS_ASSET } from "../map/bundle.js";
// The single-file build resolves this to ./inline-compiler.ts (no worker file there).
import { createCompiler } from "./worker-compiler.js";

/** Where the build puts the world-atlas countries topology (see the scenario plugin). */
const ATLAS_PATH = ATLAS_ASSET;

/** The notes window's pairing secret: from its address the first time (then taken out of the
 * address bar, so it is not copied or bookmarked), from this tab's storage after a reload. */
function notesSecret(fromAddress: string | undefined): string | undefined {
  const key = "frontfold-notes-secret";
  try {
    if (fromAddress) {
      sessionStorage.setItem(key, fromAddress);
      history.replaceState(history.state, "", location.href.replace(/#.*$/, ""));
      return fromAddress;
    }
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return fromAddress;
  }
}

function startApp(): void {
  const app = new App();
  const presenter = new Presenter(app, parsePresenterOptions(location.search));
  const errors = new ErrorsView(byId("errors"));
  const picker = byId<HTMLSelectElement>("scenario-picker");
  const status = byId("status");
  const FILE_OPTION = "__file__";
  const titles = new Map<string, string>(scenarioIndex.map((s) => [s.id, s.title]));
  let openedFile: string | undefined;

  function fillPicker(fileName?: string): void {
    const current = app.source;
    replaceChildren(
      picker,
      ...shipped.map((s) => h("option", { value: s.id }, titles.get(s.id) ?? s.id)),
      fileName ? h("option", { value: FILE_OPTION }, `Your file: ${fileName}`) : null,
    );
    picker.value = current?.kind === "shipped" ? current.id : FILE_OPTION;
  }

  async function loadShipped(id: string, url: UrlState = {}, push = false): Promise<void> {
    const entry =
      shipped.find((s) => s.id === id) ?? shipped.find((s) => s.id === DEFAULT_SCENARIO) ?? shipped[0];
    if (!entry) {
      status.textContent = "No scenarios are shipped with this build; open a file.";
      return;
    }
    status.textContent = `Loading ${entry.id}…`;
    let bundle: ScenarioBundle;
    try {
      bundle = await entry.load();
    } catch (e) {
      status.textContent = `Could not load ${entry.id}: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    titles.set(entry.id, bundle.scenario.title);
    app.load(bundle, { kind: "shipped", id: entry.id }, { url, push });
    openedFile = undefined;
    fillPicker();
    status.textContent = "";
  }

  picker.addEventListener("change", () => {
    if (picker.value === FILE_OPTION) return;
    void loadShipped(picker.value, {}, true);
  });

  window.addEventListener("frontfold:navigate-scenario", (ev) => {
    const state = (ev as CustomEvent<UrlState>).detail;
    if (state.scenario) void loadShipped(state.scenario, state);
  });

  byId("present").addEventListener("click", () => presenter.start());
  byId("open-notes").addEventListener("click", () => presenter.openNotes());

  const progress = new OpenProgressView(byId("open-progress"), () => opener.cancel());
  const opener: FileOpener = new FileOpener(
    byId<HTMLInputElement>("file-input"),
    byId<HTMLButtonElement>("open-file"),
    byId("drop-overlay"),
    createCompiler(new URL(ATLAS_PATH, document.baseURI).href),
    progress,
    {
      compiled: async (reply, report) => {
        if (!reply.ok) {
          errors.show(reply.main, reply.diagnostics);
          status.textContent = "";
          return;
        }
        errors.hide();
        report({ stage: "drawing", total: reply.bundle.partition.faces.place.length, unit: "faces" });
        await nextPaint();
        // The fold's history and the projected map in one task, the page's panels and the map
        // in the next: the page stays responsive in between.
        const source = { kind: "file", name: reply.main } as const;
        const prepared = scenarioState(reply.bundle, source);
        await nextPaint();
        openedFile = reply.main;
        app.load(reply.bundle, source, { push: true, prepared });
        fillPicker(openedFile);
        const warnings = reply.diagnostics.filter((d) => d.severity === "warning").length;
        status.textContent =
          warnings > 0
            ? `Opened ${reply.main} (${warnings} warning${warnings === 1 ? "" : "s"}).`
            : `Opened ${reply.main}.`;
        await nextPaint();
      },
      cancelled: (name) => {
        status.textContent = `Opening ${name} was cancelled; the scenario on screen stays.`;
      },
    },
  );

  // Development: the scenario plugin re-compiles a saved file and announces the new bundle.
  window.addEventListener("frontfold:scenario-updated", (ev) => {
    const bundle = (ev as CustomEvent<ScenarioBundle>).detail;
    const source = app.source;
    if (source?.kind === "shipped" && bundle.scenario.id === app.scenario?.id) {
      app.reload(bundle);
      status.textContent = `Reloaded ${source.id}.`;
    }
  });

  const initial = parseUrlState(location.search);
  for (const problem of initial.problems) console.warn(`address: ${problem}`);
  fillPicker();
  if (initial.state.present) presenter.start();
  void loadShipped(initial.state.scenario ?? DEFAULT_SCENARIO, initial.state);
}

const notes = parseNotesAddress(location.search, location.hash);
if (notes.notes) new NotesView(notes.peer, notesSecret(notes.secret));
else startApp();
