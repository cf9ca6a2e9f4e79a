import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer loads from app://doithoai/ in Electron and from the loopback browser host,
// so asset paths are relative and nothing is fetched from outside the bundle.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
});
