/** What reading a PDF's text gave (server/adapters/search/pdf-text-extractor.ts). */
export type ExtractedText =
  | { kind: 'text'; method: 'pdftotext' | 'ocr'; text: string }
  /** No text layer, and OCR unavailable or it read nothing: the file is marked "no text". */
  | { kind: 'none'; reason: string };

export interface TextExtractor {
  /** Reads the text of a PDF. Rejects only on a passing failure (a tool crashed, a timeout): the job retries. */
  extract(pdf: Buffer): Promise<ExtractedText>;
}
