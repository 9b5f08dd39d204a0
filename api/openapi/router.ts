// GET /api/openapi.json (the document) and GET /api/docs (a readable reference: Swagger UI from
// the swagger-ui-dist package in node_modules, served by us; no CDN, no inline script, so the
// page runs under the API's Content-Security-Policy as it is).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import { buildOpenApiDocument, type ResourceRoutes } from './document.js';

const require = createRequire(import.meta.url);
const swaggerUiDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const { version } = require('../../package.json') as { version: string };

/** The only files of swagger-ui-dist the page loads. */
const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Endringsporten API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/assets/favicon-32x32.png">
</head>
<body>
<main id="swagger-ui"><h1>Endringsporten API reference</h1><p>The reference needs JavaScript; the document itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>`;

// "Try it out" runs in the page with the browser's session; writes carry the CSRF header.
const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    requestInterceptor: function (request) {
      var match = document.cookie.match(/(?:^|; )ep_csrf=([^;]+)/);
      if (match) request.headers['X-CSRF-Token'] = decodeURIComponent(match[1]);
      request.headers['X-Endringsporten-Client'] = 'api';
      return request;
    },
  });
});
`;

export function createApiDocsRouter(options: { resources: ResourceRoutes[]; publicUrl: string }): Router {
  const router = Router();
  let document: string | null = null;
  const documentText = () => (document ??= JSON.stringify(buildOpenApiDocument({ ...options, version })));

  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('application/json').send(documentText());
  });
  router.get('/docs', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('html').send(PAGE);
  });
  // Files of the page, not operations of the API: a middleware, so they are no routes of their own.
  const assets = new Map<string, { type: string; body: Buffer | string }>([
    ['/init.js', { type: 'application/javascript', body: INIT }],
    ...ASSETS.map((asset): [string, { type: string; body: Buffer }] => [`/${asset}`, { type: asset.split('.').pop()!, body: readFileSync(join(swaggerUiDir, asset)) }]),
  ]);
  router.use('/docs/assets', (req, res, next) => {
    const asset = req.method === 'GET' || req.method === 'HEAD' ? assets.get(req.path) : undefined;
    if (!asset) return next();
    res.set('Cache-Control', 'public, max-age=86400').type(asset.type).send(asset.body);
  });
  return router;
}

