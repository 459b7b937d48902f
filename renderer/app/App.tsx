/** The editor window: options bar, tool strip, canvas, right-hand panels, status bar. */
import { useEffect } from 'react';
import { EditorStage } from '../canvas/EditorStage';
import { Toolbar } from '../panels/Toolbar';
import { OptionsBar } from '../panels/OptionsBar';
import { MaskPanel } from '../panels/MaskPanel';
import { LayersPanel } from '../panels/LayersPanel';
import { HistoryPanel } from '../panels/HistoryPanel';
import { StatusBar } from '../panels/StatusBar';
import { Toasts } from '../panels/Toasts';
import { installShortcuts } from '../keyboard/shortcuts';
import { installDropAndPaste } from './drop-and-paste';

export function App() {
  useEffect(() => installShortcuts(), []);
  useEffect(() => installDropAndPaste(), []);
  return (
    <div className="app">
      <OptionsBar />
      <div className="workspace">
        <Toolbar />
        <main className="canvas-area">
          <EditorStage />
        </main>
        <aside className="side-panels">
          <MaskPanel />
          <LayersPanel />
          <HistoryPanel />
        </aside>
      </div>
      <StatusBar />
      <Toasts />
    </div>
  );
}
