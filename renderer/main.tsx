import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installTestHooks } from './app/test-hooks';
import { installBenchHooks } from './app/bench-hooks';
import './app/styles.css';

installTestHooks();
installBenchHooks();
createRoot(document.getElementById('root')!).render(<App />);
(window as unknown as { __maskworkReady: boolean }).__maskworkReady = true;
