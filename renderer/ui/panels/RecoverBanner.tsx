/**
 * Non-modal offer to restore the last autosaved session, shown at startup when main has one. The
 * editor stays usable underneath; opening another document withdraws the offer: that document
 * replaces the autosave, and main first saves the session as a project in the recent projects
 * (electron/main/services/recovery-offer.ts; the autosave's answer says where, autosave.ts).
 */
import { useEffect, useState } from 'react';
import type { RecoveredSession } from '../../../shared/ipc/contract-types';
import { errorInfo } from '../../commands/bridge';
import { checkForSession, describeSession, discardSession, restoreSession } from '../../commands/session-restore';
import { useEditor } from '../../commands/store/store';

interface Offer {
  session: RecoveredSession;
  name: string;
  time: string;
}

/** The "Restore your last session?" banner (Restore / Discard). */
export function RecoverBanner() {
  const [offer, setOffer] = useState<Offer | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    let live = true;
    void checkForSession().then((session) => {
      const about = session && describeSession(session);
      if (live && session && about && !useEditor.getState().doc) setOffer({ session, ...about });
    });
    const unsubscribe = useEditor.subscribe((s, prev) => {
      if (s.doc && s.doc.id !== prev.doc?.id) setOffer(null);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  if (!offer) return null;

  const restore = async () => {
    setWorking(true);
    const s = useEditor.getState();
    s.setBusy('Restoring…');
    try {
      await restoreSession(offer.session);
      setOffer(null);
    } catch (e) {
      const info = errorInfo(e);
      s.notify('error', info.message, info.kind);
    } finally {
      s.setBusy(null);
      setWorking(false);
    }
  };
  const discard = async () => {
    setWorking(true);
    await discardSession();
    setOffer(null);
    setWorking(false);
  };

  return (
    <section className="recover-banner" aria-label="Restore session" data-testid="recover-banner">
      <span>
        Restore your last session ({offer.name}, {offer.time})?
      </span>
      <button type="button" className="primary" data-testid="recover-restore" disabled={working} onClick={() => void restore()}>
        Restore
      </button>
      <button type="button" data-testid="recover-discard" disabled={working} onClick={() => void discard()}>
        Discard
      </button>
    </section>
  );
}
