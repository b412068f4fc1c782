// The annotation model: sidecar and corpus files, their YAML codec, edits with inverses, merging and
// re-anchoring, and the annotation workspace that keeps them for the editor and the CLI. No editor and
// no file system here: files come and go through a WorkspacePort.
export * from './types';
export * from './paths';
export { hashText, newId, targetAt, prefixAt, suffixAt } from './target';
export { SidecarFile, type SidecarEdit, type SidecarParseSuccess, type SidecarReadOptions } from './sidecar';
export { CorpusFile, mergeEntitiesEdits, type CorpusEdit, type CorpusParseSuccess } from './corpusFile';
export { createAnnotation, updateAnnotationEdit, createCorrection, reanchorEdits } from './operations';
export { mergeInto, type LocalState, type MergeResult } from './merge';
export { applyEdits, reanchor, trimmedChange, contextScore, type Anchorable, type AnchorOutcome, type Anchored, type ReanchorOptions, type TextChange } from './reanchor';
export { approxSearch, editDistance, type ApproxMatch } from './approxMatch';
export { WriteConflictError, type FileVersion, type PortDisposable, type PortRead, type PortWatchEvent, type PortWrite, type WorkspacePort } from './workspace/port';
export { SidecarStore, CorpusStore, type SidecarLoad, type SidecarUpdate, type CorpusLoad, type CorpusUpdate, type StoreLoad, type StoreOptions, type StoreUpdate } from './store';
export { parseYamlSource, displayValue, escapeControls, MAX_FILE_BYTES, MAX_STRING_LENGTH, MAX_TOKENS } from './yamlSource';
export { extractOptionsFrom } from './extractOptions';
export { AnnotationWorkspace, type AnnotationWorkspaceOptions, type ChangeOutcome, type ChangeRefusal, type SidecarChange, type SidecarState, type WorkspaceHost } from './workspace/annotationWorkspace';
