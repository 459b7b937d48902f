import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { installTestHooks } from './ui/test-hooks';
import { installBenchHooks } from './ui/bench-hooks';
import { installSelectWarmUp } from './commands/select-warm';
import './ui/styles.css';

installTestHooks();
installBenchHooks();
installSelectWarmUp();
createRoot(document.getElementById('root')!).render(<App />);
(window as unknown as { __maskworkReady: boolean }).__maskworkReady = true;
