/** The suffix that turns a document path into its sidecar path. */
export const SIDECAR_SUFFIX = '.lens.yaml';

/** The corpus file's name, at the workspace root. */
export const CORPUS_FILE_NAME = 'corpus-lens.yaml';

/** `path/to/report.txt` → `path/to/report.txt.lens.yaml`. Works on paths and URI strings alike. */
export function sidecarPathFor(docPath: string): string {
  if (isSidecarPath(docPath)) throw new Error(`${docPath} is itself a sidecar`);
  return docPath + SIDECAR_SUFFIX;
}

/** `path/to/report.txt.lens.yaml` → `path/to/report.txt`; `undefined` for a path that is not a sidecar. */
export function documentPathFor(sidecarPath: string): string | undefined {
  if (!isSidecarPath(sidecarPath)) return undefined;
  const doc = sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
  // `.lens.yaml` alone, or `dir/.lens.yaml`, names no document.
  return doc === '' || /[\\/]$/.test(doc) ? undefined : doc;
}

/** Whether a path names a sidecar (by name only; the file may not exist). */
export function isSidecarPath(p: string): boolean {
  return p.endsWith(SIDECAR_SUFFIX);
}

/** Whether a path names the corpus file. */
export function isCorpusFilePath(p: string): boolean {
  return p === CORPUS_FILE_NAME || p.endsWith('/' + CORPUS_FILE_NAME) || p.endsWith('\\' + CORPUS_FILE_NAME);
}
