/** Word lists behind the translation; plain data so docs/translation.md can describe them. */

/** Verbs that start a capability ("export", "share", "sign in"). Lower case; multi-word first. */
export const CAPABILITY_VERBS = [
  'sign in', 'log in', 'sign up', 'log out', 'opt out', 'opt in', 'set up', 'look up', 'check out', 'pay for',
  'access', 'add', 'apply', 'approve', 'archive', 'assign', 'attach', 'book', 'browse', 'buy', 'calculate', 'cancel', 'change',
  'chat', 'choose', 'comment', 'compare', 'complete', 'configure', 'connect', 'copy', 'create', 'customize', 'delete', 'deactivate',
  'download', 'duplicate', 'edit', 'email', 'enable', 'disable', 'enter', 'export', 'filter', 'find', 'follow', 'generate', 'get',
  'import', 'invite', 'join', 'keep', 'link', 'list', 'manage', 'mark', 'merge', 'message', 'migrate', 'monitor', 'move', 'notify',
  'open', 'order', 'pay', 'pause', 'preview', 'print', 'publish', 'purchase', 'rate', 'read', 'receive', 'record', 'redeem',
  'refund', 'register', 'reject', 'remove', 'rename', 'renew', 'reorder', 'reply', 'report', 'request', 'reset', 'restore', 'resume',
  'retry', 'return', 'review', 'run', 'save', 'scan', 'schedule', 'search', 'see', 'select', 'send', 'set', 'share', 'sort', 'start',
  'stop', 'store', 'submit', 'subscribe', 'switch', 'sync', 'tag', 'track', 'transfer', 'translate', 'undo', 'unsubscribe',
  'update', 'upgrade', 'upload', 'use', 'validate', 'verify', 'view', 'vote', 'watch', 'work', 'retain', 'delete', 'block', 'unlock',
  'lock', 'close', 'reopen', 'dispute', 'split', 'invoice', 'bill', 'charge', 'deploy', 'back up', 'recover', 'audit', 'log',
  'issue', 'scale', 'grade', 'reconcile', 'accept', 'navigate', 'load', 'process', 'handle', 'display', 'show', 'estimate',
  'recommend', 'sign', 'call', 'ship', 'deliver', 'resolve', 'escalate', 'answer', 'plan', 'rank', 'tag', 'claim', 'confirm',
];

/** Passive capabilities ("be notified") and the system's active response. */
export const PASSIVE_RESPONSES: Readonly<Record<string, string>> = {
  notified: 'notify', alerted: 'alert', reminded: 'remind', informed: 'inform', warned: 'warn', charged: 'charge',
  billed: 'bill', refunded: 'refund', invited: 'invite', signed: 'sign', logged: 'log', asked: 'ask', shown: 'show',
};

/** "receive X" from the user's side is "send <actor> X" from the system's. */
export const SYSTEM_VOICE: Readonly<Record<string, string>> = {
  receive: 'send {actor} {object}',
  get: 'send {actor} {object}',
  see: 'show {actor} {object}',
  view: 'show {actor} {object}',
  watch: 'show {actor} {object}',
};

/** Irregular past participles; regular verbs add -ed. */
export const PARTICIPLES: Readonly<Record<string, string>> = {
  send: 'sent', get: 'received', see: 'shown', view: 'shown', find: 'found', pay: 'paid', buy: 'bought', set: 'set',
  keep: 'kept', read: 'read', run: 'run', choose: 'chosen', 'sign in': 'signed in', 'log in': 'logged in', 'sign up': 'signed up',
  'log out': 'logged out', 'set up': 'set up', 'back up': 'backed up', 'check out': 'checked out', 'look up': 'found',
  'opt out': 'opted out', 'opt in': 'opted in', 'pay for': 'paid for', split: 'split', upload: 'uploaded', stop: 'stopped',
  chat: 'chatted', log: 'logged', shop: 'shopped', plan: 'planned', tag: 'tagged', write: 'written', begin: 'begun',
};

export type QualityKind = 'latency' | 'security' | 'availability' | 'volume' | 'usability' | 'capacity' | 'accuracy' | 'platform' | 'retention';

/** Quality words in a business request and the non-functional requirement each one implies. */
/**
 * Quality words that are only adverbs or adjectives ("quickly", "fast", "in one click"): they
 * leave the capability text. Others ("thousands", "available", "never lose") stay in it.
 */
export function isDetachable(word: string): boolean {
  return /ly$/.test(word) || ['fast', 'faster', 'quick', 'instant', 'real-time', 'real time', 'right away', 'in one click', 'one click', 'on the go', 'easy', 'simple', 'intuitive', 'user-friendly', 'seamless'].includes(word);
}

export const QUALITY_WORDS: Readonly<Record<string, QualityKind>> = {
  quick: 'latency', quickly: 'latency', fast: 'latency', faster: 'latency', rapidly: 'latency', instantly: 'latency', instant: 'latency',
  immediately: 'latency', 'real-time': 'latency', 'real time': 'latency', 'right away': 'latency', responsive: 'latency', speedy: 'latency', promptly: 'latency',
  secure: 'security', securely: 'security', safely: 'security', safe: 'security', private: 'security', privately: 'security',
  confidential: 'security', sensitive: 'security', encrypted: 'security', 'only authorized': 'security',
  reliable: 'availability', reliably: 'availability', 'always available': 'availability', available: 'availability', robust: 'availability',
  dependable: 'availability', 'never lose': 'availability', 'without losing': 'availability', 'around the clock': 'availability', '24/7': 'availability',
  large: 'volume', huge: 'volume', big: 'volume', bulk: 'volume', thousands: 'volume', millions: 'volume', 'lots of': 'volume', 'a lot of': 'volume', many: 'volume',
  easy: 'usability', easily: 'usability', simple: 'usability', simply: 'usability', intuitive: 'usability', 'user-friendly': 'usability',
  seamless: 'usability', seamlessly: 'usability', 'in one click': 'usability', 'one click': 'usability', effortlessly: 'usability',
  scalable: 'capacity', 'at scale': 'capacity', growing: 'capacity',
  accurate: 'accuracy', accurately: 'accuracy', correct: 'accuracy', correctly: 'accuracy', precise: 'accuracy',
  mobile: 'platform', phone: 'platform', phones: 'platform', 'on the go': 'platform', tablets: 'platform',
  retained: 'retention', retain: 'retention', retention: 'retention', 'kept for': 'retention', archived: 'retention',
};

export interface DependencySignal {
  pattern: RegExp;
  name: string;
  why: string;
  risk?: string;
}

/** Systems and teams a request implies, with the risk each brings. */
export const DEPENDENCY_SIGNALS: readonly DependencySignal[] = [
  { pattern: /\b(?:e-?mail\w*|notif\w*|alert\w*|remind\w*)\b/i, name: 'Email and notification delivery service', why: 'sends the messages', risk: 'Messages are delayed, land in spam, or are sent more than once' },
  { pattern: /\b(?:sso|single sign-on|saml|oidc|okta|azure ad|entra|identity provider)\b/i, name: 'Identity provider (SSO) integration', why: 'authenticates users', risk: 'Identity provider outages or misconfiguration lock users out' },
  { pattern: /\b(?:pay|payments?|billing|bill|invoices?|charge[sd]?|subscriptions?|refunds?|checkout)\b/i, name: 'Payment provider and billing system', why: 'moves the money', risk: 'Payment failures or double charges reach customers' },
  { pattern: /\bsearch(?:es|ing)?\b|\bfind\b/i, name: 'Search index', why: 'answers the queries', risk: 'Search results are stale or incomplete after updates' },
  { pattern: /\b(?:reports?|charts?|dashboards?|analytics|metrics)\b/i, name: 'Reporting data pipeline', why: 'provides the report data', risk: 'Report data is late or inconsistent with the source systems' },
  { pattern: /\b(?:mobile|offline|phones?|ios|android|tablets?|on the go)\b/i, name: 'Mobile app release process (app store review)', why: 'ships the mobile changes', risk: 'Offline changes conflict when devices sync' },
  { pattern: /\b(?:retention|retain(?:ed)?|delete[sd]?|deletion|gdpr|ccpa|hipaa|privacy|personal data|pii)\b/i, name: 'Legal and compliance review', why: 'approves data handling', risk: 'Personal data handling breaks privacy rules (GDPR, CCPA)' },
  { pattern: /\b(?:sms|text messages?)\b/i, name: 'SMS provider', why: 'delivers text messages', risk: 'SMS delivery fails or costs more than planned in some countries' },
  { pattern: /\b(?:exports?|download\w*|upload\w*|share[sd]?|sharing|files?|attach\w*)\b/i, name: 'File storage and download service', why: 'stores and serves the files', risk: 'Exported or shared data reaches people who should not see it' },
];

/** Words that look like names but are formats or common words, not systems. */
export const NOT_SYSTEMS = new Set([
  'PDF', 'CSV', 'XLSX', 'XLS', 'JSON', 'XML', 'PNG', 'JPG', 'JPEG', 'HTML', 'API', 'UI', 'URL', 'I', 'OK', 'ID', 'IDS', 'FAQ',
  'The', 'A', 'An', 'We', 'Our', 'They', 'It', 'This', 'That', 'When', 'If', 'While', 'As', 'And', 'Or', 'But', 'So', 'Also',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May',
  'June', 'July', 'August', 'September', 'October', 'November', 'December', 'SSO', 'SMS', 'GDPR', 'CCPA', 'HIPAA', 'EU', 'US', 'UK',
]);

/** Subjects that mean the system itself rather than a user. */
export const SYSTEM_SUBJECTS = /^(?:the |our |this )?(?:system|app|application|platform|service|product|site|website|tool|software|backend|api)$/i;
