// The annotation model: sidecar and corpus files, their YAML codec, edits with inverses, merging and
// re-anchoring. No editor and no file system here: files come and go through FileSystemPort.
export * from './types';
export * from './paths';
export { hashText, newId, targetAt, prefixAt, suffixAt } from './target';
export { SidecarFile, type SidecarEdit, type SidecarParseSuccess, type SidecarReadOptions } from './sidecar';
export { CorpusFile, mergeEntitiesEdits, type CorpusEdit, type CorpusParseSuccess } from './corpusFile';
export { createAnnotation, updateAnnotationEdit, createCorrection, reanchorEdits } from './operations';
export { mergeInto, type LocalState, type MergeResult } from './merge';
export { applyEdits, reanchor, trimmedChange, contextScore, type Anchorable, type AnchorOutcome, type Anchored, type ReanchorOptions, type TextChange } from './reanchor';
export { approxSearch, editDistance, type ApproxMatch } from './approxMatch';
export type { FileSystemPort } from './ports';
export { SidecarStore, type SidecarLoad, type SidecarUpdate } from './store';
export { parseYamlSource, MAX_FILE_BYTES, MAX_STRING_LENGTH } from './yamlSource';
export { extractOptionsFrom } from './extractOptions';
