/** Meanings the tagger does not give: which nouns name the system, people, other systems, channels. */

/** Heads of noun phrases that name the system or a part of it: "the app", "the booking form". */
export const COMPONENT_HEADS = new Set([
  'system', 'app', 'platform', 'site', 'website', 'page', 'form', 'screen', 'search', 'service', 'tool',
  'software', 'plugin', 'plug-in', 'model', 'calculator', 'engine', 'ledger', 'dashboard', 'api', 'command', 'cli',
  'bot', 'kiosk', 'module', 'feature', 'backend', 'frontend', 'product', 'machine', 'line', 'device', 'robot', 'terminal',
  'extension', 'editor', 'workflow', 'pipeline', 'checkout', 'installer', 'generator', 'extractor',
  'documentation', 'docs',
]);

/** Heads that name another party's system when a requirement mentions it: "the supplier portal". */
export const EXTERNAL_HEADS = new Set([
  'portal', 'database', 'registry', 'gateway', 'system', 'provider', 'bank', 'supplier', 'carrier', 'marketplace', 'feed',
  'exchange', 'erp', 'crm', 'mes', 'wms', 'tms', 'ehr', 'emr', 'lms', 'hris', 'plc', 'scada', 'daw',
]);

/** Acronyms that name a kind of system: a dependency even without a product name. */
export const SYSTEM_ACRONYMS = new Set(['CRM', 'ERP', 'MES', 'WMS', 'TMS', 'EHR', 'EMR', 'LMS', 'HRIS', 'PLC', 'SCADA', 'DAW', 'ATS', 'SIS']);

/** Capitalised words that name no system: time, places, languages, platforms, formats, rules, roles. */
export const NOT_SYSTEMS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'q1', 'q2', 'q3', 'q4',
  'english', 'welsh', 'french', 'german', 'spanish', 'italian', 'dutch', 'polish', 'arabic', 'chinese', 'japanese',
  'uk', 'us', 'usa', 'eu', 'europe', 'america', 'asia', 'africa', 'india', 'canada', 'australia', 'germany', 'france',
  'windows', 'linux', 'mac', 'macos', 'ios', 'android', 'ipad', 'iphone', 'unix',
  'pdf', 'csv', 'xlsx', 'xls', 'json', 'xml', 'yaml', 'html', 'png', 'jpg', 'jpeg', 'markdown',
  'gdpr', 'ccpa', 'hipaa', 'sox', 'pci', 'iso', 'gs1', 'wcag',
  'api', 'ui', 'ux', 'url', 'id', 'ids', 'faq', 'sso', 'sms', 'cli', 'ide', 'ai', 'qr', 'hs', 'mvp', 'aob', 'fyi', 'kpi',
  'foi', 'icu', 'gp', 'hr', 'it', 'ap', 'ar', 'ops', 'ok', 'wi-fi', 'wifi', 'bluetooth', 'internet', 'spec',
  'i', 'we', 'our', 'the', 'a', 'an',
]);

/** Delivery channels: a request that uses one depends on the service that delivers it. */
export const CHANNELS: readonly { pattern: RegExp; name: string }[] = [
  { pattern: /\be-?mail(?:s|ed|ing)?\b/i, name: 'Email delivery service' },
  { pattern: /\bSMS\b|\btext messages?\b|\b(?:a|by) text\b|\btexted\b/i, name: 'SMS (text message) gateway' },
  { pattern: /\bpush notifications?\b/i, name: 'Push notification service' },
];

/** Nouns that name people or groups of people without an agent suffix. */
const PERSON_HEADS = new Set([
  'customer', 'user', 'patient', 'student', 'client', 'parent', 'resident', 'citizen', 'nurse', 'doctor', 'clinician', 'staff',
  'employee', 'member', 'admin', 'owner', 'manager', 'team', 'partner', 'visitor', 'driver', 'shopper',
  'seller', 'buyer', 'merchant', 'applicant', 'passenger', 'caseworker', 'worker', 'agent', 'pupil', 'learner', 'guest',
  'family', 'household', 'people', 'person', 'public', 'hr', 'it', 'finance', 'marketing', 'operations', 'security',
  'payroll', 'sales', 'support', 'legal', 'procurement', 'management', 'council', 'committee', 'board', 'department',
  'gp', 'hire', 'candidate', 'leaver', 'starter', 'adapter', 'maintainer', 'contributor', 'developer', 'creator',
  'recipient', 'respondent', 'dispatcher', 'picker', 'shipper', 'consumer', 'citizen', 'child', 'teacher', 'tutor',
]);

/** Words with an agent suffix that name things. */
const THING_AGENTS = new Set([
  'scanner', 'printer', 'server', 'computer', 'controller', 'container', 'trailer', 'folder', 'filter', 'order', 'number',
  'layer', 'register', 'header', 'footer', 'letter', 'paper', 'timer', 'counter', 'marker', 'banner', 'buffer', 'cluster',
  'parameter', 'centre', 'center', 'answer', 'power', 'water', 'sensor', 'monitor', 'calendar', 'error', 'factor',
  'vendor', 'other', 'router', 'browser', 'player', 'reminder', 'voucher', 'ledger', 'tracker', 'calculator',
  'generator', 'extractor', 'editor', 'installer', 'scheduler', 'elevator', 'indicator', 'connector', 'processor',
]);

/** Whether a noun (singular, lower case) names a person or a group of people. */
export function isPersonNoun(noun: string): boolean {
  if (PERSON_HEADS.has(noun) || PERSON_HEADS.has(noun.replace(/s$/, ''))) return true;
  if (THING_AGENTS.has(noun)) return false;
  return /(?:er|or|ist|ian|ant|ee|eer)$/.test(noun) && noun.length > 4;
}

/** Verbs whose object is a person the system addresses: "tell them", "notify the doctor". */
export const ADDRESSING_VERBS = new Set(['tell', 'notify', 'email', 'alert', 'remind', 'inform', 'warn', 'message', 'call', 'contact', 'invite', 'page', 'text', 'prompt', 'guide', 'ask']);

/** Verbs that take a person and then a thing: "send the requester an acknowledgement", "offer the customer PayPal". */
export const DITRANSITIVE_VERBS = new Set([...ADDRESSING_VERBS, 'show', 'send', 'offer', 'give', 'grant']);

/** Verbs of impression: "the dashboard looks fast" is an opinion, not behaviour. */
export const LINKING_VERBS = new Set(['look', 'seem', 'appear', 'feel', 'sound']);

/** Verbs a user "does" that the system does from its side: "see X" is "show <user> X". */
export const SYSTEM_VOICE: Readonly<Record<string, string>> = { see: 'show', view: 'show', watch: 'show', receive: 'send', get: 'send' };

/** Subordinators and the EARS pattern of the clause they open. */
export const SUBORDINATORS: readonly { words: string[]; kind: 'event' | 'state' | 'unwanted' | 'optional' | 'negated' }[] = [
  { words: ['even', 'when'], kind: 'state' },
  { words: ['even', 'if'], kind: 'state' },
  { words: ['even', 'while'], kind: 'state' },
  { words: ['as', 'soon', 'as'], kind: 'event' },
  { words: ['in', 'case'], kind: 'unwanted' },
  { words: ['whenever'], kind: 'event' },
  { words: ['when'], kind: 'event' },
  { words: ['once'], kind: 'event' },
  { words: ['after'], kind: 'event' },
  { words: ['while'], kind: 'state' },
  { words: ['if'], kind: 'unwanted' },
  { words: ['unless'], kind: 'negated' },
  { words: ['where'], kind: 'optional' },
];

/** Words that mark a sentence as describing how things are today. */
export const CONTEXT_MARKERS = /\b(?:currently|right now|today(?!'s)|at the moment|at present|nowadays|these days|at the minute)\b/i;
