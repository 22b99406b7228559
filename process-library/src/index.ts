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
  type ServiceSheet,
} from './catalogue/ServiceSheet';
