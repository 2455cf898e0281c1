// The version of the classifier (type, IEP subtype and date of a document). Each stored document
// records the version that classified it (documents.classifier_version); raising this re-classifies
// stored documents at start (pipeline.ts refreshStaleClassifications), keeping a type or date the user
// set, and re-extracts those whose type or subtype changed. Raise it whenever classify*.ts or the
// vocabulary it reads (extract/vocab/doc-types.ts, the meeting-type words) would classify a document
// differently. Kept apart from classify.ts so the import's queries load no classifier.
export const CLASSIFIER_VERSION = 3;
