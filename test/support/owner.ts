import pg from 'pg';

/**
 * Runs SQL as the schema owner. The app (and `t.db`) connect as a role that may create and alter nothing, so a test
 * that sets up a fault in the database (a trigger, a constraint) does it through the owner's connection.
 */
export async function asOwner(ownerUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}
