// Reads a request sentence by sentence: which sentences ask for something (and in which
// phrasing), which describe the situation today, and what each requirement clause says.
import { findDependencies } from './dependencies.js';
import { definite, Discourse, isPronoun, rewrite } from './discourse.js';
import type { English } from './english.js';
import { hasFeature, textOf, type Language, type Token } from './language.js';
import { ADDRESSING_VERBS, CONTEXT_MARKERS, isPersonNoun } from './lexicon.js';
import type { Capability, Condition, Extraction } from './model.js';
import { depths, isBaseVerb, isParticiple, isPunct, isWord, modalAt, nounPhraseEnd, startsNounPhrase, startsPredicate } from './phrases.js';
import { hasClauseVerb, splitConjuncts, subordinatorAt, trailingConditions, type RawCondition, type VerbReading } from './predicate.js';
import { takeQualities } from './qualities.js';
import { segment, type Unit } from './segment.js';
import { classifySubject, SYSTEM, type Subject } from './subject.js';
import { tidy } from './text.js';
import { readVerbPhrase } from './verb-phrase.js';
import { clauseOf, type Clause, type PhrasingContext } from './phrasings.js';
import { asPassive, cutBenefit, negate, splitAtSemicolons, stripDiscourseMarkers, topLevelIndex, trimEnd } from './sentence.js';


const OPEN_LIST = /,?\s*(?:etc\.?|et cetera|and so on|and so forth|and the like|among others|and more)\s*$/i;

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
  private readonly phrasing: PhrasingContext;

  constructor(
    private readonly language: Language,
    private readonly english: English,
  ) {
    this.discourse = new Discourse(english);
    this.phrasing = { verbReading: this.verbReading, subject: (tokens) => this.subject(tokens), english };
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
      const clause = clauseOf(part, unit, conditions, source, this.phrasing);
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

  private subject(tokens: Token[]): Subject {
    const subject = classifySubject(tokens, this.english, this.discourse, this.speaker, this.sentenceStarts.has(tokens[0]));
    // A named organisation that asks for something ("Maersk wants …") is a party the system depends on.
    const named = subject.tokens.some((token) => token.pos === 'PROPN' && !this.sentenceStarts.has(token) && !isPersonNoun(token.lemma));
    if (subject.kind === 'actor' && named) this.spans.push(subject.tokens);
    else if (subject.kind === 'actor') this.actorNames.add(subject.text.toLowerCase());
    return subject;
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

export function readRequest(text: string, language: Language, english: English): Extraction {
  return new RequestReader(language, english).read(text);
}
