// Minimal typings for the parts of pdfmake 0.3 (server build, `js/index.js`) that src/platform/pdf uses.
// pdfmake ships no TypeScript declarations; the document definition is typed loosely in ./types.
declare module 'pdfmake' {
  interface PdfMakeOutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMakeFontDescriptor {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface PdfMakeVirtualFs {
    existsSync(filename: string): boolean;
    writeFileSync(filename: string, content: Buffer): void;
  }
  export interface PdfMake {
    readonly virtualfs: PdfMakeVirtualFs;
    createPdf(docDefinition: object, options?: object): PdfMakeOutputDocument;
    addFonts(fonts: Record<string, PdfMakeFontDescriptor>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
