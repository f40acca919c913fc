/**
 * "The database server is down", "DB 서버가 다운돼서", "die Datenbank ist ausgefallen": the writer states that the database
 * itself is down. Whatever module shows it (console logins fail in web), the cause is outside the modules.
 */
const DATABASE_DOWN =
  /\b(?:database|db)(?:\s+(?:server|host|instance|cluster))?\s+(?:is\s+|was\s+|went\s+|has\s+gone\s+|seems\s+)?(?:down|unreachable|offline|crashed|dead|not\s+responding)\b|(?:데이터베이스|DB)\s?(?:서버)?\s?(?:가|이)?\s?(?:다운|죽|내려가|뻗|응답이?\s?없)|\b(?:Datenbank|DB)(?:-?server)?\s+(?:ist\s+)?(?:ausgefallen|down|nicht\s+erreichbar)|\b(?:base\s+de\s+données|BDD|DB)\s+(?:est\s+)?(?:tombée|down|injoignable|plantée)|(?:データベース|DB)(?:サーバー)?(?:が|は)?(?:落ち|ダウン|停止)/i;

/** The knowledge/outside.yaml topic whose system the text says is down, if it says so. */
export function statedOutsideCause(text: string): string | undefined {
  return DATABASE_DOWN.test(text) ? 'database' : undefined;
}
