/** The editor window: options bar, tool strip, canvas with the staging dock, right-hand panels, status bar. */
import { useEffect, useRef } from 'react';
import { EditorStage } from './canvas/EditorStage';
import { Toolbar } from './panels/Toolbar';
import { OptionsBar } from './panels/OptionsBar';
import { GeneratePanel } from './panels/GeneratePanel';
import { MaskPanel } from './panels/MaskPanel';
import { LayersPanel } from './panels/LayersPanel';
import { HistoryPanel } from './panels/HistoryPanel';
import { StagingDock } from './panels/StagingDock';
import { SideSplitter } from './panels/SideSplitter';
import { HistorySplitter } from './panels/HistorySplitter';
import { SettingsModal } from './panels/SettingsModal';
import { ShortcutsDialog } from './panels/ShortcutsDialog';
import { StatusBar } from './panels/StatusBar';
import { Toasts } from './panels/Toasts';
import { installKeyboardReach } from './keyboard/keyboard-reach';
import { installShortcuts } from './keyboard/shortcuts';
import { installGenerate } from '../commands/install-generate';
import { installStagingHistory } from '../commands/staging-history';
import { installRevealStaged } from '../commands/reveal-staged';
import { installOverlayReset } from '../commands/overlay-visibility';
import { installStagedMessages } from '../commands/staged-messages';
import { installDropAndPaste } from './drop-and-paste';
import { installAutosave } from '../commands/autosave';
import { installLaunchFiles } from '../commands/launch-files';
import { RecoverBanner } from './panels/RecoverBanner';
import { JobOpenPrompt } from './panels/JobOpenPrompt';
import { ExportDialog } from './panels/ExportDialog';
import { CompareView } from '../ui/CompareView';
import { UnsavedPrompt } from './UnsavedPrompt';
import { FeatherDialog } from './FeatherDialog';
import { RevertPrompt } from './RevertPrompt';
import { activeGesture } from './tools/tool-registry';
import { installUnsavedCloseGuard } from '../commands/project-commands';
import { installMaskTargetGuard } from '../commands/layer-commands';
import { installReleaseFieldOnOpen } from './keyboard/release-field-on-open';
import { installReleaseSelectOnPick } from './keyboard/release-select-on-pick';
import { installCanvasFocus } from './keyboard/canvas-focus';
import { useWorkspaceView } from '../commands/workspace-view';

export function App() {
  const side = useRef<HTMLElement>(null);
  const sideTop = useRef<HTMLDivElement>(null);
  const sideBottom = useRef<HTMLDivElement>(null);
  // Tab / Shift+Tab on the canvas hide the panels (workspace-view.ts); hidden, not unmounted: the prompt keeps its words.
  const panels = useWorkspaceView((v) => v.panels);
  useEffect(() => installKeyboardReach(), []);
  useEffect(() => installCanvasFocus(), []);
  useEffect(() => installShortcuts(), []);
  useEffect(() => installDropAndPaste(), []);
  useEffect(() => installGenerate(), []);
  useEffect(() => installStagingHistory(), []);
  useEffect(() => installRevealStaged(), []);
  useEffect(() => installOverlayReset(), []);
  useEffect(() => installStagedMessages(), []);
  useEffect(() => installAutosave(undefined, () => !!activeGesture()), []);
  useEffect(() => installUnsavedCloseGuard(), []);
  useEffect(() => installReleaseFieldOnOpen(), []);
  useEffect(() => installReleaseSelectOnPick(), []);
  useEffect(() => installMaskTargetGuard(), []);
  useEffect(() => installLaunchFiles(), []);
  return (
    <div className={panels === 'none' ? 'app' : `app panels-hidden-${panels}`}>
      <OptionsBar />
      <div className="workspace">
        <Toolbar />
        <main className="canvas-area">
          <div className="canvas-host">
            <EditorStage />
          </div>
          <StagingDock />
          <Toasts />
        </main>
        <aside className="side-panels" ref={side}>
          {/*
           * Generate scrolls on its own; the Mask panel (collapsible), Layers and History keep their
           * place below it, as Photoshop's Properties and Layers panels do. The separator above Layers
           * shares the column between the two parts (dragged, or with the keys), as a panel dock's border.
           */}
          <div className="side-top" ref={sideTop}>
            <GeneratePanel />
          </div>
          <MaskPanel />
          <SideSplitter column={side} top={sideTop} bottom={sideBottom} />
          <div className="side-bottom" ref={sideBottom}>
            <LayersPanel />
            <HistorySplitter column={side} top={sideTop} bottom={sideBottom} />
            <HistoryPanel />
          </div>
        </aside>
      </div>
      <StatusBar />
      <RecoverBanner />
      <SettingsModal />
      <ShortcutsDialog />
      <JobOpenPrompt />
      <UnsavedPrompt />
      <RevertPrompt />
      <ExportDialog />
      <FeatherDialog />
      <CompareView />
    </div>
  );
}
