import type { ModifierGroup } from '@pos/contracts';
import { aModifierGroup, aModifierOption } from '@pos/contracts/testing';
import { groupsOf, groupState, missingGroups, type ModifierSelection, portionPrice, selectedOptionIds, toggleOption } from './modifier-selection';
import { hasNotePart, toggleNotePart } from './note-chips';

/** Group `id` whose options `id`1, `id`2… cost the given deltas. */
const group = (id: string, minSelect: number, maxSelect: number, deltas: number[]): ModifierGroup =>
  aModifierGroup({ id, name: id, minSelect, maxSelect, options: deltas.map((priceDelta, i) => aModifierOption({ id: `${id}${i + 1}`, name: `${id}${i + 1}`, priceDelta })) });

const doneness = group('doneness', 1, 1, [0, 0, 0]);
const sauce = group('sauce', 0, 2, [7000, 5000, 9000]);
const discount = group('discount', 0, 1, [-50000]);

describe('modifier selection', () => {
  it('a single-choice group behaves like a radio', () => {
    let s: ModifierSelection = {};
    s = toggleOption(s, doneness, 'doneness1');
    s = toggleOption(s, doneness, 'doneness2');
    expect(s.doneness).toEqual(['doneness2']);
    s = toggleOption(s, doneness, 'doneness2');
    expect(s.doneness).toEqual([]);
  });

  it('a multi-choice group stops at maxSelect and frees a place when one is taken off', () => {
    let s: ModifierSelection = {};
    for (const id of ['sauce1', 'sauce2', 'sauce3']) s = toggleOption(s, sauce, id);
    expect(s.sauce).toEqual(['sauce1', 'sauce2']);
    expect(groupState(sauce, s)).toMatchObject({ count: 2, isFull: true, isSatisfied: true, isRequired: false });
    s = toggleOption(s, sauce, 'sauce1');
    s = toggleOption(s, sauce, 'sauce3');
    expect(s.sauce).toEqual(['sauce2', 'sauce3']);
  });

  it('required groups must be answered before adding', () => {
    expect(missingGroups([doneness, sauce], {})).toEqual([doneness]);
    expect(missingGroups([doneness, sauce], { doneness: ['doneness1'] })).toEqual([]);
  });

  it('prices a portion with the chosen options, never below zero', () => {
    expect(portionPrice({ price: 329000 }, [doneness, sauce], { doneness: ['doneness1'], sauce: ['sauce1', 'sauce3'] })).toBe(345000);
    expect(portionPrice({ price: 30000 }, [discount], { discount: ['discount1'] })).toBe(0);
  });

  it('sends option ids in menu order, whatever the tapping order', () => {
    expect(selectedOptionIds([doneness, sauce], { sauce: ['sauce3', 'sauce1'], doneness: ['doneness2'] })).toEqual(['doneness2', 'sauce1', 'sauce3']);
  });

  it("takes the product's groups in its own order, skipping unknown ids", () => {
    expect(groupsOf({ modifierGroupIds: ['sauce', 'missing', 'doneness'] }, [doneness, sauce]).map((g) => g.id)).toEqual(['sauce', 'doneness']);
  });
});

describe('quick notes', () => {
  it('adds and removes a chip in the free text', () => {
    expect(toggleNotePart('', 'Без лука')).toBe('Без лука');
    expect(toggleNotePart('Без лука', 'Без соли')).toBe('Без лука, Без соли');
    expect(toggleNotePart('без лука, Без соли', 'Без лука')).toBe('Без соли');
    expect(hasNotePart('аллергия, без лука', 'Без лука')).toBe(true);
  });
});
