// Stylesheets imported by the pages are bundled by esbuild beside each script.
declare module '*.css';
