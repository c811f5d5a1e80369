/** A register as a table for printing and export (domain.md §6.3: screen, XLSX and PDF with Vietnamese headings). */
export interface RegisterTable {
  /** "SỔ ĐĂNG KÝ VĂN BẢN ĐI" */
  title: string;
  /** Agency, register name and year. */
  subtitle: string[];
  columns: readonly string[];
  rows: (string | number | null)[][];
}

export interface RegisterExporter {
  xlsx(table: RegisterTable): Promise<Buffer>;
  pdf(table: RegisterTable): Promise<Buffer>;
}
