/**
 * A problem found in a catalog: the path of the field in the file's notation (`options[3].fee`) and a sentence
 * for the operator. The reader of the file turns the path into a line and column.
 */
export interface CatalogIssue {
  path: string;
  message: string;
}

/** Collects issues; a rule reports and goes on, so one pass lists every problem of the file. */
export type ReportIssue = (path: string, message: string) => void;
