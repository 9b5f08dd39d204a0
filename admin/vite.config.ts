// Vite build of the oversight console; the API serves admin/dist in production.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const apiTarget = 'http://127.0.0.1:3000';
const vendorGroups: Array<{ name: string; test: RegExp }> = [
    { name: 'charts', test: /node_modules[\\/](recharts|d3-|victory-vendor|decimal\.js-light)/ },
    { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group)/ },
    { name: 'react-admin', test: /node_modules[\\/](react-admin|ra-|@tanstack|react-hook-form|react-router|lodash|date-fns)/ },
    { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
];

export default defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: '/',
    // The rules the API and the worker enforce, imported as they are (see domain/): the console
    // keeps no copy. Their NodeNext-style `./x.js` imports resolve to the .ts files.
    resolve: { alias: { '@domain': fileURLToPath(new URL('../domain', import.meta.url)) } },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        chunkSizeWarningLimit: 900,
        rolldownOptions: {
            output: { codeSplitting: { groups: vendorGroups } },
            // MUI ships 'use client' directives for React Server Components; irrelevant in a SPA.
            onwarn(warning, defaultHandler) {
                if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
                defaultHandler(warning);
            },
        },
    },
    server: {
        proxy: {
            '/api': apiTarget,
            '/actions': apiTarget,
            '/healthz': apiTarget,
        },
    },
});
