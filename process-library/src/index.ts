export {
  libraryEntries,
  libraryResources,
  LibraryEntryKind,
  type LibraryEntry,
  type LibraryResource,
} from './catalogue/libraryEntries';
export {
  serviceSheetSchema,
  ServiceAudience,
  ServiceChannel,
  ServiceStart,
  type OpenCall,
  type OpenCalls,
  type ServiceSheet,
} from './catalogue/ServiceSheet';
