// Links, mail addresses, ticket ids and attachment names say where the incident is filed, not
// what broke: their words ("browse", "jira", "tracking-dashboard") must not pick the module.

const URL = /\b(?:https?|ftp):\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/gi;
// A link to a Campaign server's own page does say what broke: `…/nl/jsp/soaprouter.jsp` is the web module, `…/r/3fa9?id=…`
// a tracked link. Its path is kept, without the host and the query.
const CAMPAIGN_PATH = /^\/(?:nl|nms|xtk|r|view)\/|\.jsp$/i;
const HOST = /^(?:[a-z]+:\/\/)?[^/]+/i;
// `mta@prod` is a process, not an address: an address has a dotted domain.
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
// ServiceNow numbers (INC0012345) and tracker keys (JIRA-4421, OPS-12). Vendor error codes keep
// their six digits (XSV-350008, PGS-220000) and the database's ORA-12541, so they are not matched.
const TICKET = /\b(?:INC|CHG|RITM|PRB|REQ|TASK|SCTASK|CS|SR)\d{5,}\b|\b(?!ORA-)[A-Z][A-Z0-9]{1,9}-\d{1,5}\b/g;
// Screenshots and documents attached to a message; log files (`mta.log`) and data files stay.
const ATTACHMENT = /\b[\w.-]+\.(?:png|jpe?g|gif|bmp|heic|webp|pdf|docx?|xlsx?|pptx?|zip|7z|rar|tgz|gz|har|mp4|mov|txt|msg|eml)\b/gi;

// The words that introduce one ("ticket OPS-12", "screenshot: console.png", "스크린샷 첨부 error.png") go with it.
const MARK = '\u2063';
const INTRODUCED = /(?:(?:\b(?:tickets?|screenshots?|screen shots?|attached|attachments?|see|links?|cases?|jira)|티켓|스크린샷|캡처|첨부(?:\s*파일)?)\s*[:#]?\s*)+(?=\u2063)/giu;

/** The text with links, mail addresses, ticket ids and attachment file names blanked out, with the word that introduces each. */
export function withoutReferences(text: string): string {
  const marked = text.replace(URL, campaignPathOrMark).replace(EMAIL, MARK).replace(TICKET, MARK).replace(ATTACHMENT, MARK);
  return marked === text ? text : marked.replace(INTRODUCED, ' ').replaceAll(MARK, ' ');
}

function campaignPathOrMark(url: string): string {
  const path = url.replace(HOST, '').replace(/[?#].*$/, '');
  return CAMPAIGN_PATH.test(path) ? ` ${path} ` : MARK;
}
