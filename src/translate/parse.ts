// Reads a request sentence by sentence: which sentences ask for something (and in which
// phrasing), which describe the situation today, and what each requirement clause says.
import { findDependencies } from './dependencies.js';
import { definite, Discourse, isPronoun, rewrite } from './discourse.js';
import type { English } from './english.js';
import { hasFeature, textOf, type Language, type Token } from './language.js';
import { ADDRESSING_VERBS, COMPONENT_HEADS, CONTEXT_MARKERS, isPersonNoun, LINKING_VERBS } from './lexicon.js';
import type { Capability, Condition, Extraction } from './model.js';
import { depths, isBaseVerb, isParticiple, isPunct, isWord, lower, modalAt, nounPhraseEnd, startsNounPhrase, startsPredicate, wordsAt } from './phrases.js';
import { hasClauseVerb, splitConjuncts, subordinatorAt, trailingConditions, type RawCondition, type VerbReading } from './predicate.js';
import { takeQualities } from './qualities.js';
import { segment, type Unit } from './segment.js';
import { classifySubject, SYSTEM, type Subject } from './subject.js';
import { tidy } from './text.js';
import { readVerbPhrase } from './verb-phrase.js';

interface Clause {
  subject: Subject;
  predicate: Token[];
  able: boolean;
  negated: boolean;
  conditions: RawCondition[];
  /** "Partners need an API to …": what the actor is provided with. */
  provided?: Token[];
  /** "The plugin instantiates without error, shows …": behaviour described in the present tense. */
  present?: boolean;
  source: string;
}

const DISCOURSE_MARKERS = new Set(['also', 'additionally', 'plus', 'so', 'and', 'finally', 'basically', 'ideally', 'overall', 'then', 'however', 'but']);
const WISH = /^(?:great|nice|good|helpful|useful|ideal|awesome|better|brilliant|amazing|fantastic|cool)$/;
const INSTRUMENTS = /^(?:api|apis|tool|tools|way|command|commands|button|buttons|option|options|screen|feature|interface|endpoint|endpoints|shortcut|app|bot)$/;
const OPEN_LIST = /,?\s*(?:etc\.?|et cetera|and so on|and so forth|and the like|among others|and more)\s*$/i;

/** A synthetic "be" before a participle, so "with duplicates merged" reads as "duplicates be merged". */
function asPassive(tokens: Token[]): Token[] {
  if (tokens.length === 0) return tokens;
  const be: Token = { text: 'be', lower: 'be', lemma: 'be', pos: 'AUX', features: new Set(), space: '' };
  return [be, { ...tokens[0], space: ' ' }, ...tokens.slice(1)];
}

export class RequestReader {
  private readonly discourse: Discourse;
  private readonly verbCache = new Map<string, Token | null>();
  private readonly capabilities: Capability[] = [];
  private readonly spans: Token[][] = [];
  private readonly actorNames = new Set<string>();
  private readonly sentenceStarts = new Set<Token>();
  private readonly context: string[] = [];
  private readonly benefits: Extraction['benefits'] = [];
  private readonly questions: string[] = [];
  private speaker: string | undefined;

  constructor(
    private readonly language: Language,
    private readonly english: English,
  ) {
    this.discourse = new Discourse(english);
  }

  read(text: string): Extraction {
    for (const unit of segment(text)) {
      for (const sentence of this.language.sentences(unit.text)) {
        for (const part of splitAtSemicolons(sentence)) this.readSentence(part, unit);
      }
    }
    const requirementTexts = this.capabilities.map((capability) => [capability.verb, capability.object, capability.rest, ...capability.conditions.map((condition) => condition.text)].join(' '));
    return {
      capabilities: this.capabilities,
      context: this.context,
      benefits: this.benefits,
      dependencies: findDependencies(this.spans, this.actorNames, requirementTexts, this.sentenceStarts),
      questions: this.questions,
    };
  }

  /** A word read as a verb by the tagger in a verb's place: "they issue refunds", "it instantiates without error". */
  private verbReading: VerbReading = (tokens, index, subject = 'they') => {
    const token = tokens[index];
    if (!token || !/^[A-Za-z][a-z-]+$/.test(token.text) || token.pos === 'PROPN' || token.pos === 'DET' || token.pos === 'PRON') return undefined;
    // "they will X …" forces a verb reading where one exists; "to X the rest" only where the lexicon has one.
    const lead = subject === 'they' ? 'they will' : subject;
    const phrase = subject === 'to' ? `to ${token.lower} the rest` : `${lead} ${[token.lower, ...tokens.slice(index + 1, index + 4).map((next) => next.text)].join(' ')}`;
    let reading = this.verbCache.get(phrase);
    if (reading === undefined) {
      const tagged = this.language.tag(phrase)[lead.split(' ').length];
      reading = tagged && tagged.pos === 'VERB' && !hasFeature(tagged, 'gerund') ? tagged : null;
      this.verbCache.set(phrase, reading);
    }
    return reading ? { ...token, pos: 'VERB', lemma: reading.lemma, features: reading.features } : undefined;
  };

  private readSentence(sentence: Token[], unit: Unit): void {
    const source = textOf(sentence).trim();
    if (isPunct(sentence[sentence.length - 1], '?')) {
      this.questions.push(source);
      return;
    }
    let tokens = trimEnd(sentence);
    if (isWord(tokens[0], 'please')) return;
    tokens = stripDiscourseMarkers(tokens);
    if (tokens.length === 0) return;
    this.sentenceStarts.add(tokens[0]);
    if (CONTEXT_MARKERS.test(textOf(tokens))) {
      this.addContext(sentence, source);
      return;
    }
    const conditions: RawCondition[] = [];
    for (;;) {
      const sub = subordinatorAt(tokens, 0);
      if (!sub) break;
      const comma = topLevelIndex(tokens, (token) => isPunct(token, ','));
      if (comma < 0 || !hasClauseVerb(tokens.slice(0, comma), this.verbReading)) break;
      conditions.push({ kind: sub.kind, tokens: tokens.slice(sub.length, comma) });
      this.mentionClauseSubject(tokens.slice(sub.length, comma));
      tokens = tokens.slice(comma + 1);
      if (tokens[0]) this.sentenceStarts.add(tokens[0]);
    }
    this.speaker = undefined;
    const story = this.story(tokens);
    if (story) {
      this.speaker = story.speaker;
      tokens = story.rest;
    }
    const benefit = cutBenefit(tokens);
    let found = false;
    for (const part of this.clauseParts(benefit.tokens)) {
      const clause = this.clause(part, unit, conditions, source);
      if (!clause) continue;
      if (!found && benefit.benefit.length > 0) this.benefits.push(this.benefitText(benefit.benefit, clause));
      found = true;
      this.build(clause);
    }
    if (!found && (story || !unit.decided)) this.addContext(sentence, source);
  }

  /** "…, and Maersk wants booking confirmations …": clauses with their own subject and modal are read apart. */
  private clauseParts(tokens: Token[]): Token[][] {
    const depth = depths(tokens);
    for (let index = 1; index < tokens.length - 2; index++) {
      if (depth[index] > 0 || !isPunct(tokens[index], ',') || !isWord(tokens[index + 1], 'and', 'but')) continue;
      const start = index + 2;
      if (!startsNounPhrase(tokens[start])) continue;
      const end = nounPhraseEnd(tokens, start, { of: true, subject: true });
      const modal = modalAt(tokens, end);
      if (end > start && modal && (modal.wantsObject || /^(?:wants?|needs?) to/.test(modal.words))) return [tokens.slice(0, index), ...this.clauseParts(tokens.slice(start))];
    }
    return [tokens];
  }

  private addContext(sentence: Token[], source: string): void {
    const hasVerb = sentence.some((token) => token.pos === 'VERB' || token.pos === 'AUX');
    const hasFigure = sentence.some((token) => hasFeature(token, 'value'));
    if ((hasVerb || hasFigure) && sentence.length > 2) this.context.push(source);
    // "Our field engineers still print job sheets. They should …": who "they" are.
    this.mentionClauseSubject(stripDiscourseMarkers(trimEnd(sentence)));
  }

  private benefitText(tokens: Token[], clause: Clause): Extraction['benefits'][number] {
    const who = this.speaker ?? (clause.subject.kind === 'actor' ? clause.subject.text : undefined);
    return { who, text: rewrite(tokens, { speaker: who ?? 'users' }), asWritten: textOf(tokens) };
  }

  /** "As a store manager, I want …": the role becomes the actor, "I" its stand-in. */
  private story(tokens: Token[]): { speaker: string; rest: Token[] } | undefined {
    if (!isWord(tokens[0], 'as') || !isWord(tokens[1], 'a', 'an')) return undefined;
    const comma = topLevelIndex(tokens, (token, index) => isPunct(token, ',') && isWord(tokens[index + 1], 'i'));
    if (comma < 0) return undefined;
    const role = tokens.slice(2, comma);
    // "a developer working on …", "a user choosing an AI agent": the role is its noun phrase.
    const modifier = role.findIndex((token, index) => index > 0 && (token.pos === 'ADP' || (token.pos === 'VERB' && (hasFeature(token, 'gerund') || isParticiple(token))) || isWord(token, 'who', 'that', 'with')));
    const core = rewrite(role.slice(0, modifier > 0 ? modifier : Math.max(1, nounPhraseEnd(role, 0, { of: false }))));
    const speaker = this.english.plural(core.replace(/^([A-Z])(?=[a-z])/, (letter) => letter.toLowerCase()));
    this.actorNames.add(core.toLowerCase());
    return { speaker, rest: tokens.slice(comma + 1) };
  }

  private clause(tokens: Token[], unit: Unit, conditions: RawCondition[], source: string): Clause | undefined {
    const base = { conditions, source, negated: false };
    // "It would be great if drivers could see …"
    let hypothetical = false;
    if (wordsAt(tokens, 0, ['it', 'would', 'be']) || wordsAt(tokens, 0, ["it'd", 'be'])) {
      const at = tokens.findIndex((token) => isWord(token, 'if'));
      if (at > 0 && at <= 5 && tokens.slice(0, at).some((token) => WISH.test(token.lower))) {
        tokens = tokens.slice(at + 1);
        hypothetical = true;
      }
    }
    // "volunteers got a text": a plural subject the tagger read as a verb.
    if (tokens[0]?.pos === 'VERB' && hasFeature(tokens[0], 'present3') && startsPredicate(tokens, 1)) {
      tokens = [{ ...tokens[0], pos: 'NOUN', lemma: this.english.singular(tokens[0].lower), features: new Set(['plural']) }, ...tokens.slice(1)];
    }
    const way = this.wayFor(tokens);
    if (way) return { ...base, ...way };
    // "Let loyalty members redeem points …"
    if (isWord(tokens[0], 'let') && !isWord(tokens[1], 'me', 'us', "'s")) {
      const verb = this.letVerb(tokens);
      if (verb > 1) return { ...base, subject: this.subject(tokens.slice(1, verb)), predicate: tokens.slice(verb), able: true };
    }
    const depth = depths(tokens);
    for (let index = 0; index < tokens.length; index++) {
      if (depth[index] > 0) continue;
      if (subordinatorAt(tokens, index) && index > 0) break;
      const modal = modalAt(tokens, index);
      if (!modal) continue;
      // "You should have received …": a supposition, not a requirement.
      if (isWord(tokens[modal.end], 'have') && tokens[modal.end + 1]?.pos === 'VERB') return undefined;
      const subject = this.subject(tokens.slice(0, index));
      const tentative = /^(?:will|would|could)\b/.test(modal.words);
      if (tentative && !hypothetical && subject.kind !== 'component' && subject.kind !== 'system') return undefined;
      if (modal.wantsObject) return this.wanted(subject, tokens.slice(modal.end), base);
      return { ...base, subject, predicate: tokens.slice(modal.end), able: modal.able, negated: modal.negated };
    }
    if (this.isImperative(tokens, unit)) return { ...base, subject: SYSTEM, predicate: tokens, able: false };
    // "Decision: patients get a push notification …"; "The plugin instantiates without error …".
    let end = nounPhraseEnd(tokens, 0, { of: true, subject: true });
    const componentEnd = tokens.findIndex((token, index) => index > 0 && index < end && COMPONENT_HEADS.has(tokens[index - 1].lemma) && /s$/.test(token.lower) && !!this.verbReading(tokens, index, 'it'));
    if (componentEnd > 0) end = componentEnd;
    if (end === 0) return undefined;
    const verb = startsPredicate(tokens, end) ? tokens[end] : this.verbReading(tokens, end, 'it');
    if (!verb) return undefined;
    const subject = this.subject(tokens.slice(0, end));
    const present = subject.kind === 'component' && (hasFeature(verb, 'present3') || /s$/.test(verb.lower)) && !LINKING_VERBS.has(verb.lemma);
    if (!unit.decided && !hypothetical && !present) return undefined;
    return { ...base, subject, predicate: [verb, ...tokens.slice(end + 1)], able: subject.kind === 'actor', present };
  }

  /**
   * Where the verb starts in "Let <people> <verb> …": a word that can be a verb, not plural,
   * after people ("Let warehouse staff scan pallets", "Let loyalty members redeem points").
   */
  private letVerb(tokens: Token[]): number {
    let fallback = -1;
    for (let index = 2; index < tokens.length && !isPunct(tokens[index]); index++) {
      const token = tokens[index];
      if (hasFeature(token, 'plural') || (hasFeature(token, 'present3') && !isBaseVerb(token))) continue;
      const before = tokens[index - 1];
      const people = hasFeature(before, 'person') || isPersonNoun(before.lemma) || isPersonNoun(before.lower);
      const verbal = isBaseVerb(token) || !!this.verbReading(tokens, index, 'to') || (people && !!this.verbReading(tokens, index));
      if (!verbal) continue;
      if (people) return index;
      if (fallback < 0) fallback = index;
    }
    return fallback;
  }

  /** A list item or a sentence that starts with a verb: "Send a text message when …", "Decision: keep guest checkout". */
  private isImperative(tokens: Token[], unit: Unit): boolean {
    const first = isBaseVerb(tokens[0]) ? tokens[0] : unit.item || unit.decided ? this.verbReading(tokens, 0) : undefined;
    if (!first || isWord(tokens[1], 'you', 'me', 'us', 'everyone', 'all')) return false;
    // "Refill requests pile up on Mondays": a noun compound followed by its verb is a statement.
    let index = 1;
    while (tokens[index] && (tokens[index].pos === 'NOUN' || tokens[index].pos === 'ADJ')) index++;
    if (index > 1 && startsPredicate(tokens, index) && !isWord(tokens[index], 'and', 'or')) return false;
    // "Raj shared the Q2 numbers": a name and a finite verb.
    if (hasFeature(tokens[1], 'past') || hasFeature(tokens[1], 'present3') || tokens[1]?.pos === 'AUX') return false;
    tokens[0] = first;
    return true;
  }

  private subject(tokens: Token[]): Subject {
    const subject = classifySubject(tokens, this.english, this.discourse, this.speaker, this.sentenceStarts.has(tokens[0]));
    // A named organisation that asks for something ("Maersk wants …") is a party the system depends on.
    const named = subject.tokens.some((token) => token.pos === 'PROPN' && !this.sentenceStarts.has(token) && !isPersonNoun(token.lemma));
    if (subject.kind === 'actor' && named) this.spans.push(subject.tokens);
    else if (subject.kind === 'actor') this.actorNames.add(subject.text.toLowerCase());
    return subject;
  }

  /** "We need a way for nurses to hand over shift notes", "there should be a way to …". */
  private wayFor(tokens: Token[]): Omit<Clause, 'conditions' | 'source' | 'negated'> | undefined {
    const way = tokens.findIndex((token, index) => isWord(token, 'way', 'ability', 'option', 'means') && isWord(tokens[index - 1], 'a', 'an', 'the', 'some'));
    if (way < 1 || way > 5) return undefined;
    const lead = tokens.slice(0, way - 1).map((token) => token.lower).join(' ');
    if (!/^(?:we|i|they|you)? ?(?:need|needs|want|wants|would like|require|requires|must have|should have)$|^there (?:should|must|needs to|has to) be$/.test(lead)) return undefined;
    let index = way + 1;
    let subject: Subject = SYSTEM;
    if (isWord(tokens[index], 'for')) {
      const to = tokens.findIndex((token, at) => at > index && isWord(token, 'to'));
      if (to < 0) return undefined;
      subject = this.subject(tokens.slice(index + 1, to));
      index = to;
    }
    if (!isWord(tokens[index], 'to')) return undefined;
    return { subject, predicate: tokens.slice(index + 1), able: subject.kind === 'actor' };
  }

  /** "X wants Y to …", "X needs an API to …", "I want YAML front matter added to …", "Managers want a checklist". */
  private wanted(wanter: Subject, tokens: Token[], base: Pick<Clause, 'conditions' | 'source' | 'negated'>): Clause | undefined {
    const depth = depths(tokens);
    const to = tokens.findIndex((token, index) => depth[index] === 0 && isWord(token, 'to') && (isBaseVerb(tokens[index + 1]) || isWord(tokens[index + 1], 'be', 'actually', 'automatically', 'clearly', 'only', 'always') || !!this.verbReading(tokens, index + 1)));
    const npEnd = nounPhraseEnd(tokens, 0, { of: true });
    const wanted = tokens.slice(0, to > 0 ? to : npEnd);
    if (to > 0 && !wanted.some((token) => token.pos === 'AUX' || modalAt(wanted, wanted.indexOf(token)))) {
      const head = wanted[Math.max(0, nounPhraseEnd(wanted, 0, { of: false }) - 1)];
      const indefinite = isWord(wanted[0], 'a', 'an', 'some', 'one') || (hasFeature(head, 'plural') && !isWord(wanted[0], 'the', 'their', 'my', 'our', 'all'));
      // "an API to create shipments": a tool and what it is for (a verb with an object).
      const purpose = startsNounPhrase(tokens[to + 2], tokens[to + 3]) || /^(?:NOUN|PROPN)$/.test(tokens[to + 2]?.pos ?? '');
      if (indefinite && INSTRUMENTS.test(head.lower) && wanter.kind === 'actor' && purpose) {
        return { ...base, subject: wanter, predicate: tokens.slice(to + 1), able: true, provided: wanted };
      }
      return { ...base, subject: this.subject(wanted), predicate: tokens.slice(to + 1), able: false };
    }
    // "YAML frontmatter automatically added to template files": a passive on what is wanted.
    let after = npEnd;
    while (isWord(tokens[after], 'automatically', 'always', 'also', 'clearly')) after++;
    const participle = tokens[after];
    if (npEnd > 0 && participle && participle.pos === 'VERB' && (hasFeature(participle, 'past') || hasFeature(participle, 'participle'))) {
      return { ...base, subject: this.subject(tokens.slice(0, npEnd)), predicate: asPassive([participle, ...tokens.slice(npEnd, after), ...tokens.slice(after + 1)]), able: false };
    }
    if (npEnd === 0) return undefined;
    return { ...base, subject: wanter.kind === 'actor' ? wanter : SYSTEM, predicate: [], able: false, provided: tokens };
  }

  private build(clause: Clause): void {
    if (clause.provided) {
      this.provide(clause);
      return;
    }
    const conjuncts = splitConjuncts(clause.predicate, this.verbReading, { present: clause.present });
    let subject = clause.subject;
    let able = clause.able;
    for (const conjunct of conjuncts) {
      if (conjunct.subject) {
        subject = conjunct.absolute ? { ...this.subject(conjunct.subject), kind: 'thing' } : this.subject(conjunct.subject);
        able = false;
      }
      const tokens = conjunct.absolute || conjunct.passive ? asPassive(conjunct.tokens) : conjunct.tokens;
      // "…, and if the appeal is rejected, tell them why": an order to the system after its own condition.
      const ordered = !conjunct.subject && conjunct.leading === true && isBaseVerb(tokens[0]);
      this.capability(ordered ? SYSTEM : subject, tokens, { ...clause, able: ordered ? false : able, conditions: [...clause.conditions, ...conjunct.conditions] });
    }
  }

  /** "Partners need an API to create shipments and get tracking updates": one capability per purpose. */
  private provide(clause: Clause): void {
    const provided = clause.provided!;
    const actor = clause.subject.kind === 'actor' ? clause.subject.text : undefined;
    const purposes = clause.predicate.length > 0 ? splitConjuncts(clause.predicate, this.verbReading) : [{ tokens: [] as Token[], conditions: [] as RawCondition[] }];
    const trailing = clause.predicate.length === 0 ? trailingConditions(provided, this.verbReading) : { tokens: provided, conditions: [] };
    const objectEnd = nounPhraseEnd(trailing.tokens, 0, { of: true });
    const objectTokens = trailing.tokens.slice(0, objectEnd);
    for (const purpose of purposes) {
      const to: Token = { text: 'to', lower: 'to', lemma: 'to', pos: 'PART', features: new Set(), space: ' ' };
      const quality = takeQualities([...trailing.tokens.slice(objectEnd), ...(purpose.tokens.length > 0 ? [to, { ...purpose.tokens[0], space: ' ' }, ...purpose.tokens.slice(1)] : [])]);
      const objectQuality = takeQualities(objectTokens);
      // "shipment data from us": the organisation providing it goes without saying.
      const rest = rewrite(quality.tokens, { speaker: this.speaker }).replace(/\bfrom the organisation\b\s*/, '');
      this.push(
        {
          form: 'provide',
          actor,
          subject: 'the system',
          verb: 'provide',
          object: rewrite(objectQuality.tokens, { speaker: this.speaker }),
          rest: tidy(rest),
          negated: false,
          conditions: this.conditions([...clause.conditions, ...trailing.conditions, ...purpose.conditions]),
          qualities: [...objectQuality.qualities, ...quality.qualities],
          source: clause.source,
        },
        [provided, purpose.tokens],
      );
    }
  }

  private capability(subject: Subject, tokens: Token[], clause: Clause): void {
    const phrase = readVerbPhrase(tokens);
    if (!phrase) return;
    // Whoever "must be able to" act is someone the system lets act ("the scheduler must be able to move …").
    if (subject.kind === 'thing' && (clause.able || phrase.able)) subject = { ...subject, kind: 'actor' };
    // The subject is what "it" in the conditions most likely means ("… when it is finished").
    this.mention(subject, 'subject');
    const addressing = ADDRESSING_VERBS.has(phrase.verb.split(' ')[0]);
    const objectTokens = phrase.object;
    const objectQuality = takeQualities(objectTokens);
    // "my Spec documents": "their" when the requirement names the speaker, else "the developer's".
    const voice = { speaker: this.speaker, owner: subject.kind !== 'actor' && this.speaker ? `the ${this.english.singular(this.speaker)}'s` : undefined };
    let object = rewrite(objectQuality.tokens, voice);
    if (objectTokens.length === 1 && isPronoun(objectTokens[0])) {
      const antecedent = this.discourse.resolve(objectTokens[0].lower, 'object', addressing);
      if (antecedent) object = antecedent.person ? antecedent.text : definite(antecedent.text);
    } else if (objectTokens.length === 1 && isWord(objectTokens[0], 'me') && this.speaker) object = this.speaker;
    const restQuality = takeQualities([...phrase.adverbs, ...phrase.rest]);
    // "all their accounts, including pensions …": the comma after the object stays.
    const lead = isPunct(restQuality.tokens[0], ',') ? ', ' : '';
    let rest = lead + tidy(rewrite(restQuality.tokens, voice).replace(OPEN_LIST, ''));
    const conditions = this.conditions(clause.conditions);
    // "complete work orders offline": offline use is a state.
    if (/\boffline\b/.test(`${object} ${rest}`) && !conditions.some((condition) => condition.kind === 'state')) {
      rest = tidy(rest.replace(/\s*\boffline\b/, ''));
      object = tidy(object.replace(/\s*\boffline\b/, ''));
      const who = subject.kind === 'actor' ? subject.text : 'the device';
      conditions.push({ kind: 'state', text: `${who} ${subject.kind === 'actor' && subject.plural ? 'are' : 'is'} offline` });
    }
    const negated = clause.negated || phrase.negated;
    const qualities = takeQualities(tokens).qualities;
    const spans = [phrase.object, phrase.rest, phrase.agent ?? [], ...clause.conditions.map((condition) => condition.tokens)];
    const common = { negated, conditions, qualities, source: clause.source };
    if (phrase.voice === 'passive') {
      const target = subject.kind === 'system' ? '' : subject.text;
      if (phrase.agent && phrase.agent.length > 0) {
        this.push({ ...common, form: 'allow', actor: this.agent(phrase.agent), subject: 'the system', verb: phrase.verb, object: target, rest }, [...spans, subject.tokens]);
      } else {
        this.push({ ...common, form: 'act', subject: 'the system', verb: phrase.verb, object: target, rest, objectIsPeople: subject.kind === 'actor' }, [...spans, subject.tokens]);
      }
      return;
    }
    if (phrase.voice === 'copular' || subject.kind === 'thing' || (subject.kind === 'actor' && /^(?:be|stay|remain|become)$/.test(phrase.verb))) {
      const verb = phrase.voice === 'copular' ? 'be' : phrase.verb;
      this.push({ ...common, form: 'ensure', subject: 'the system', clauseSubject: subject.kind === 'system' ? 'the system' : subject.text, verb, object, rest }, [...spans, subject.tokens]);
    } else if (subject.kind === 'actor') {
      this.push({ ...common, form: 'allow', actor: subject.text, subject: 'the system', verb: phrase.verb, object, rest }, spans);
    } else {
      this.push({ ...common, form: 'act', subject: subject.kind === 'component' ? subject.text : 'the system', verb: phrase.verb, object, rest }, spans);
    }
    this.mentionObject(objectTokens, object);
  }

  /** "by a category manager" → "category managers"; "by a second person" stays one person. */
  private agent(tokens: Token[]): string {
    const text = rewrite(tokens);
    const subject = this.subject(tokens);
    if (subject.kind !== 'actor' || /\b(?:second|third|another|other|different)\b/i.test(text)) return text;
    return this.english.plural(text.replace(/^(?:a|an|the|one)\s+/i, ''));
  }

  private conditions(raw: RawCondition[]): Condition[] {
    return raw.map((condition) => {
      const text = this.clauseText(condition.tokens);
      this.mentionClauseSubject(condition.tokens);
      if (condition.kind === 'negated') return { kind: 'unwanted', text: negate(text) };
      return { kind: condition.kind, text };
    });
  }

  /** The subject of a condition ("when a contract is about to expire") is something later pronouns may mean. */
  private mentionClauseSubject(tokens: Token[]): void {
    if (!startsNounPhrase(tokens[0]) || isPronoun(tokens[0])) return;
    const end = nounPhraseEnd(tokens, 0, { of: true, subject: true });
    // "Our field engineers still print …": the verb may follow an adverb, and be tagged a noun.
    if (end === 0 || !(startsPredicate(tokens, end) || this.verbReading(tokens, end) || (tokens[end]?.pos !== 'NOUN' && this.verbReading(tokens, end + 1)))) return;
    const head = tokens[Math.max(0, nounPhraseEnd(tokens, 0, { of: false }) - 1)];
    this.discourse.mention({ text: rewrite(tokens.slice(0, end)), plural: hasFeature(head, 'plural') || this.english.isPlural(head.text), person: hasFeature(head, 'person') || isPersonNoun(head.lemma), component: false, role: 'subject' });
  }

  /** A condition's clause with its pronoun subject resolved ("when they are back online"). */
  private clauseText(tokens: Token[]): string {
    const first = tokens[0];
    if (first && (isPronoun(first) || isWord(first, 'i', 'we')) && tokens.length > 1) {
      let replacement: string | undefined;
      let plural = true;
      if (isWord(first, 'i') && this.speaker) replacement = this.speaker;
      else if (isWord(first, 'we')) {
        replacement = 'the organisation';
        plural = false;
      } else {
        const antecedent = this.discourse.resolve(first.lower, 'subject') ?? (isWord(first, 'they') && this.discourse.actor ? { text: this.discourse.actor, plural: true, person: true } : undefined);
        if (antecedent) {
          replacement = antecedent.person ? antecedent.text : definite(antecedent.text);
          plural = antecedent.plural;
        }
      }
      if (replacement) {
        const verb = tokens[1];
        let verbText = verb.text;
        if (!plural && verb.pos === 'VERB' && isBaseVerb(verb)) verbText = this.english.thirdPerson(verb.lemma);
        if (isWord(verb, 'am')) verbText = plural ? 'are' : 'is';
        return tidy(`${replacement} ${verbText} ${rewrite(tokens.slice(2), { speaker: this.speaker })}`);
      }
    }
    return tidy(rewrite(tokens, { speaker: this.speaker }));
  }

  private mention(subject: Subject, role: 'subject' | 'object'): void {
    if (subject.kind === 'system') return;
    this.discourse.mention({ text: subject.text, plural: subject.plural, person: subject.kind === 'actor', component: subject.kind === 'component', role });
  }

  private mentionObject(tokens: Token[], text: string): void {
    if (tokens.length === 0 || (tokens.length === 1 && tokens[0].pos === 'PRON')) return;
    const head = tokens[Math.max(0, nounPhraseEnd(tokens, 0, { of: false }) - 1)];
    this.discourse.mention({ text, plural: hasFeature(head, 'plural') || this.english.isPlural(head.text), person: hasFeature(head, 'person') || isPersonNoun(head.lemma), component: false, role: 'object' });
  }

  private push(capability: Capability, spans: Token[][]): void {
    if (!capability.verb) return;
    this.capabilities.push(capability);
    this.spans.push(...spans);
  }
}

function trimEnd(tokens: Token[]): Token[] {
  let end = tokens.length;
  while (end > 0 && isPunct(tokens[end - 1], '.', '!', ';', ':', ',')) end--;
  return tokens.slice(0, end);
}

function stripDiscourseMarkers(tokens: Token[]): Token[] {
  let index = 0;
  for (;;) {
    if (tokens[index]?.pos === 'INTJ' || DISCOURSE_MARKERS.has(lower(tokens[index]))) index++;
    else if (isWord(tokens[index], 'as') && isWord(tokens[index + 1], 'discussed', 'agreed', 'mentioned', 'requested') && isPunct(tokens[index + 2], ',')) index += 2;
    else break;
    if (isPunct(tokens[index], ',')) index++;
  }
  return tokens.slice(index);
}

function splitAtSemicolons(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const token of tokens) {
    if (isPunct(token, ';')) parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  return parts.filter((part) => part.some((token) => token.pos !== 'PUNCT'));
}

function topLevelIndex(tokens: Token[], predicate: (token: Token, index: number) => boolean): number {
  const depth = depths(tokens);
  return tokens.findIndex((token, index) => depth[index] === 0 && predicate(token, index));
}

/** "…, so that I can plan staffing": the benefit leaves the requirement. */
function cutBenefit(tokens: Token[]): { tokens: Token[]; benefit: Token[] } {
  const at = topLevelIndex(tokens, (token, index) => isWord(token, 'so') && index > 0 && (isWord(tokens[index + 1], 'that') || tokens[index + 1]?.pos === 'PRON'));
  if (at < 0) return { tokens, benefit: [] };
  const start = isWord(tokens[at + 1], 'that') ? at + 2 : at + 1;
  const end = isPunct(tokens[at - 1], ',') ? at - 1 : at;
  return { tokens: tokens.slice(0, end), benefit: tokens.slice(start) };
}

/** "the prescriber is on an approved device" → "the prescriber is not on an approved device". */
function negate(text: string): string {
  const auxiliary = /\b(?:is|are|was|were|has|have|can|will|does|do)\b(?! not)/.exec(text);
  if (auxiliary) return `${text.slice(0, auxiliary.index + auxiliary[0].length)} not${text.slice(auxiliary.index + auxiliary[0].length)}`;
  return `${text} does not hold`;
}

export function readRequest(text: string, language: Language, english: English): Extraction {
  return new RequestReader(language, english).read(text);
}
