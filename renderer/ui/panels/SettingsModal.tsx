/**
 * Settings (keys, spend cap, gateways, Auto's rules, project, diagnostics): a modal opened from the ⚙ in the
 * options bar. Esc or the backdrop closes it. Its accessible name is its heading's (aria-labelledby).
 */
import { useEffect, useId, useRef } from 'react';
import { useEditor } from '../../commands/store/store';
import { refreshProviders } from '../../commands/providers-client';
import { KeyRow } from './KeyRow';
import { GatewaysSection } from './GatewaysSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { RoutingSection } from '../RoutingSection';
import { SpendCapSection } from './SpendCapSection';
import { ProjectSettingsSection } from '../ProjectSettingsSection';
import { keepTabInside, useFocusReturn } from '../keyboard/modal-tab';
import { DialogMessages } from './DialogMessages';

const close = () => useEditor.getState().setSettingsOpen(false);

export function SettingsModal() {
  const open = useEditor((s) => s.settingsOpen);
  const secure = useEditor((s) => s.providerSettings.secureStorageAvailable);
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useFocusReturn(open);
  useEffect(() => {
    if (!open) return;
    void refreshProviders();
    box.current?.focus();
    // While the modal is open, Esc closes it and no key reaches the editor's shortcuts.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close();
      } else if (!(e.target instanceof Node && box.current?.contains(e.target))) {
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={box}
        tabIndex={-1}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="settings"
        onKeyDown={(e) => {
          // Keys typed here never reach the editor's shortcuts; Tab stays among the dialog's controls.
          e.stopPropagation();
          keepTabInside(e, box.current);
        }}
      >
        <DialogMessages />
        <header className="modal-head">
          <h3 id={titleId}>Settings</h3>
          <span className="spacer" />
          <button type="button" aria-label="Close settings" data-testid="close-settings" onClick={close}>
            ×
          </button>
        </header>
        <p className="muted">Keys stay in the main process; this window only learns whether one is set and its last four characters.</p>
        {!secure && (
          <div className="warning" role="alert">
            Keys cannot be stored securely on this system (no keyring): a key entered here is kept only until Maskwork quits. Environment
            variables (OPENAI_API_KEY, GEMINI_API_KEY) still work.
          </div>
        )}
        <section className="settings-section" aria-label="Providers">
          <KeyRow provider="openai" label="OpenAI" />
          <KeyRow provider="gemini" label="Google Gemini" />
        </section>
        <SpendCapSection />
        <GatewaysSection />
        <RoutingSection />
        <ProjectSettingsSection />
        <DiagnosticsSection />
      </div>
    </div>
  );
}
