// The web app's API types (web/src/api/schema.gen.ts) are generated from the server's OpenAPI document: this test
// regenerates them in memory and fails when the committed file differs, naming the command that fixes it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, GEN_COMMAND, apiDocument, generateApiTypes } from '../../scripts/gen-api';

describe('generated web API types', () => {
  it('web/src/api/schema.gen.ts is what the server\'s schemas generate', async () => {
    const committed = fs.readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await generateApiTypes();
    const rel = path.relative(process.cwd(), API_TYPES_FILE);
    expect(committed === fresh, `${rel} is stale: the server's API changed. Run \`${GEN_COMMAND}\` and commit the result.`).toBe(true);
  });

  it('names the shapes the web uses and keeps no component that no route uses', async () => {
    const doc = await apiDocument();
    const schemas = Object.keys(doc.components?.schemas ?? {});
    expect(schemas).toEqual(expect.arrayContaining(['DossierDetail', 'DossierSummary', 'DossierRegistrationInput', 'FeeBreakdown', 'FeeCollectInput', 'QueueBoard', 'QueueCallEvent', 'Procedure', 'Me']));
    const text = JSON.stringify(doc.paths);
    for (const id of schemas) {
      const viaComponents = Object.entries(doc.components!.schemas!).some(([other, s]) => other !== id && JSON.stringify(s).includes(`"#/components/schemas/${id}"`));
      expect(text.includes(`"#/components/schemas/${id}"`) || viaComponents, `${id} is referenced`).toBe(true);
    }
    // Enumerations reach the web as unions, not strings.
    const detail = doc.components!.schemas!.DossierDetail as { properties: Record<string, { enum?: string[] }> };
    expect(detail.properties.status.enum).toContain('needs_supplement');
  });
});
