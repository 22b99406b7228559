export {
  formDefinitionSchema,
  formComponentSchema,
  localizedTextSchema,
  prefillDeclarationSchema,
  PrefillSource,
  type FormComponent,
  type FormDefinition,
  type LocalizedText,
  type PrefillDeclaration,
} from './definition/FormDefinition';
export { Language, languages, resolveLanguage } from './definition/languages';
export { supportedComponentTypes } from './definition/componentTypes';
export {
  checkFormDefinition,
  type CheckFormDefinitionOptions,
  type CheckFormDefinitionResult,
  type DefinitionProblem,
} from './definition/checkFormDefinition';
export {
  validateSubmission,
  type SubmissionError,
  type ValidateSubmissionOptions,
  type ValidateSubmissionResult,
} from './submission/validateSubmission';
export {
  documentReferenceSchema,
  type DocumentExists,
  type DocumentReference,
} from './submission/documentReference';
export { formResourceValidator, type FormResourceCheck } from './deploy/formResourceValidator';
export { prefillData, type PrefillSources } from './prefill/prefillData';
export { SafeEvaluator, installSafeEvaluator } from './safety/SafeEvaluator';
export {
  DocumentErrorCode,
  type DocumentStore,
  type PutDocumentOptions,
  type StoredDocument,
} from './documents/DocumentStore';
export { FileSystemDocumentStore } from './documents/FileSystemDocumentStore';
export { DocumentContentType, sniffContentType } from './documents/sniffContentType';
