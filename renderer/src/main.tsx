import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
// The API module reads the launch token from the address before anything else runs.
import './api';
import { App } from './App';
import { resendUnsent } from './save/persist';
import { installUnloadFlush } from './save/queue';

installUnloadFlush();
// What a page before this reload could not send goes first (save/persist.ts).
void resendUnsent().finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
