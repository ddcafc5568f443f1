import assert from 'node:assert/strict';
import { availableCorpora } from '../precision/corpora.js';
import { currentFindings, loadLabelSets, score } from '../precision/labels.js';

/**
 * The share of labeled findings still reported that are true, per rule: held-out sets must
 * keep this; the others must not fall below their recorded floors (or this, if higher). With
 * few findings, one false one is tolerated (one in two is not a trend).
 */
const MIN_PRECISION = 0.9;
const TOLERATED_FALSE = 1;
/** The share of findings labeled true that must still be reported (or the recorded floor, if lower). */
const MIN_RECALL = 0.9;

describe('precision on the real corpora (hand labels in test/fixtures/precision)', function () {
  this.timeout(300_000);

  for (const labelSet of loadLabelSets()) {
    it(`${labelSet.name}: no rule's precision or recall of labeled findings drops (held-out sets: ≥ ${MIN_PRECISION})`, async function () {
      const present = new Set(availableCorpora().map((corpus) => corpus.name));
      const labels = labelSet.labels.filter((label) => present.has(label.corpus));
      if (labels.length === 0) this.skip();
      const scores = score(labels, await currentFindings(labels));
      const heldOut = labelSet.name.startsWith('heldout');
      const floor = (rule: string, measure: 'precision' | 'recall', target: number) => (heldOut ? target : Math.min(target, labelSet.floors?.[rule]?.[measure] ?? target));
      const low = scores.filter((entry) => entry.precision < floor(entry.rule, 'precision', MIN_PRECISION) && entry.firing - entry.firingTrue > TOLERATED_FALSE);
      assert.deepEqual(
        low.map((entry) => `${entry.rule}: ${entry.firingTrue}/${entry.firing}`),
        [],
        'rules whose labeled findings that are still reported are too often false',
      );
      // Baseline sets label the old rules' findings: many true ones are expected to move or go.
      if (labelSet.name.startsWith('baseline')) return;
      const lost = scores.filter((entry) => entry.recall < floor(entry.rule, 'recall', MIN_RECALL));
      assert.deepEqual(lost.map((entry) => `${entry.rule}: ${entry.firingTrue}/${entry.labeledTrue}`), [], 'rules that no longer report findings labeled true');
    });
  }
});
