/// <reference types="vite/client" />

interface ImportMetaEnv {
    /** Base path of the REST API; defaults to the same-origin `/api`. */
    readonly VITE_API_URL?: string;
}

interface ImportMeta {
    readonly env: ImportMetaEnv;
}
