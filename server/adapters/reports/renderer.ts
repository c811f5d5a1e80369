import type { ReportRenderer } from '../../app/ports/report-renderer.ts';
import { renderPdf } from './pdf-report.ts';
import { renderXlsx } from './xlsx-report.ts';

/** Evaluation reports as XLSX (exceljs) and PDF (pdfkit, with an embedded Vietnamese font). */
export const reportRenderer: ReportRenderer = { xlsx: renderXlsx, pdf: renderPdf };
