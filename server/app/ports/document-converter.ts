/** Office documents to PDF (a DOCX draft becomes its PDF main file, domain.md §7.2 step 2). */
export interface DocumentConverter {
  /** False when no converter is installed (LibreOffice absent): DOCX drafts are then refused. */
  available(): Promise<boolean>;
  docxToPdf(docx: Uint8Array): Promise<Uint8Array>;
}
