import fs from 'node:fs';
import { createRequire } from 'node:module';

// The body font of every paper: Tinos (Google Fonts, SIL Open Font License 1.1), metric-compatible with Times New
// Roman — the face Nghị định 30/2020/NĐ-CP prescribes for administrative documents — and complete for Vietnamese
// (precomposed letters with every tone mark). It comes from the npm package `@expo-google-fonts/tinos`, so a
// machine needs no system fonts.

export const FONT_FAMILY = 'Tinos';

const require = createRequire(import.meta.url);

const FILES = {
  normal: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italics: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  bolditalics: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;

export type FontStyle = keyof typeof FILES;

/** Absolute paths of the four TrueType files. */
export function fontFiles(): Record<FontStyle, string> {
  return {
    normal: require.resolve(FILES.normal),
    bold: require.resolve(FILES.bold),
    italics: require.resolve(FILES.italics),
    bolditalics: require.resolve(FILES.bolditalics),
  };
}

/** The font files' bytes, read once. */
let cache: Record<FontStyle, Buffer> | undefined;
export function fontData(): Record<FontStyle, Buffer> {
  if (!cache) {
    const files = fontFiles();
    cache = {
      normal: fs.readFileSync(files.normal),
      bold: fs.readFileSync(files.bold),
      italics: fs.readFileSync(files.italics),
      bolditalics: fs.readFileSync(files.bolditalics),
    };
  }
  return cache;
}
