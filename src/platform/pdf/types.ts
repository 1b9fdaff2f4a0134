// A loose type for pdfmake document-definition content. pdfmake validates the shape at run time; these types
// only keep our builders honest about what is a node, a list of nodes or plain text.
export type PdfNode = { [key: string]: unknown };
export type PdfContent = string | PdfNode | PdfContent[];

export interface PdfDocument {
  /** A4 (default) or a custom size in points; height 'auto' grows the page with the content (receipt rolls). */
  pageSize?: 'A4' | { width: number; height: number | 'auto' };
  pageOrientation?: 'portrait' | 'landscape';
  /** [left, top, right, bottom] in points. */
  pageMargins?: [number, number, number, number];
  content: PdfContent;
  footer?: (currentPage: number, pageCount: number) => PdfContent | null;
  info?: { title?: string; subject?: string; author?: string; creator?: string; producer?: string; creationDate?: Date };
  styles?: Record<string, PdfNode>;
  defaultStyle?: PdfNode;
}
