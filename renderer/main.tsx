import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { installTestHooks } from './ui/test-hooks';
import { installBenchHooks } from './ui/bench-hooks';
import './ui/styles.css';

installTestHooks();
installBenchHooks();
createRoot(document.getElementById('root')!).render(<App />);
(window as unknown as { __maskworkReady: boolean }).__maskworkReady = true;
