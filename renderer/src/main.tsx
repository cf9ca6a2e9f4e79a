import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
// The API module reads the launch token from the address before anything else runs.
import './api';
import { App } from './App';
import { installUnloadFlush } from './save/queue';

installUnloadFlush();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
