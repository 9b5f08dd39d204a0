// The built react-admin console (admin/dist), when present: hashed assets cached for long,
// index.html never cached, and every other browser GET answered with index.html (SPA fallback).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

export const defaultConsoleDir = fileURLToPath(new URL('../admin/dist', import.meta.url));

// Paths that belong to the server, never to the console; a miss there stays a 404.
const SERVER_PATHS = /^\/(api|actions|assets)(\/|$)|^\/(healthz|readyz|metrics)$/;

export function createConsoleRouter(consoleDir = defaultConsoleDir): Router {
  const router = Router();
  const indexHtml = join(consoleDir, 'index.html');
  if (!existsSync(indexHtml)) return router;

  router.use(
    express.static(consoleDir, {
      index: false,
      setHeaders(res, path) {
        if (path.includes(`${join(consoleDir, 'assets')}`)) res.set('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
