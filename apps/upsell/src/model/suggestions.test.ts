import { demoMenu, IDS, line, lunchRec, order, vegRec, wineRec } from '../testing/fixtures';
import { comboReplacement, offerable, suggestionAnchor } from './suggestions';

describe('suggestionAnchor', () => {
  it('recommends for the last line still standing, not for voided lines or combos', () => {
    expect(suggestionAnchor(order([]))).toBeNull();
    const steak = line(IDS.steak, 'Рибай');
    const voided = line(IDS.wine, 'Вино', { voidedQuantity: 1 });
    expect(suggestionAnchor(order([steak, voided]))).toBe(IDS.steak);
    const comboLine = line(IDS.borscht, 'Бизнес-ланч', { comboId: IDS.lunch });
    const dish = line(IDS.mors, 'Морс', { comboLineId: comboLine.id });
    expect(suggestionAnchor(order([steak, comboLine, dish]))).toBe(IDS.steak);
  });
});

describe('comboReplacement', () => {
  it('takes over unfired lines of its dishes, no more portions than the combo holds', () => {
    const borscht = line(IDS.borscht, 'Борщ');
    const fired = line(IDS.kiev, 'Котлета', { firedQuantity: 1 });
    const kiev = line(IDS.kiev, 'Котлета');
    const secondBorscht = line(IDS.borscht, 'Борщ');
    const wine = line(IDS.wine, 'Вино');
    expect(comboReplacement(lunchRec, order([borscht, fired, kiev, secondBorscht, wine]))).toEqual([borscht.id, kiev.id]);
  });
});

describe('offerable', () => {
  it('drops what is stop-listed or sold out, and what would still need a modifier choice', () => {
    const menu = demoMenu({ veg: { stock: 0 } });
    const steakRec = { ...wineRec, productId: IDS.steak, name: 'Рибай' };
    expect(offerable([wineRec, vegRec, steakRec], menu, order([]))).toEqual([wineRec]);
    expect(offerable([wineRec], demoMenu({ wine: { isAvailable: false } }), order([]))).toEqual([]);
  });

  it('leaves out what the order already holds, products and combos', () => {
    const comboLine = line(IDS.borscht, 'Бизнес-ланч', { comboId: IDS.lunch });
    expect(offerable([wineRec, lunchRec], demoMenu(), order([line(IDS.wine, 'Вино'), comboLine]))).toEqual([]);
    expect(offerable([wineRec], demoMenu(), order([line(IDS.wine, 'Вино', { voidedQuantity: 1 })]))).toEqual([wineRec]);
  });

  it('offers a combo with a dish that needs a modifier only when it takes over a line of that dish', () => {
    const steakCombo = { ...lunchRec, items: [...lunchRec.items.slice(0, 1), { productId: IDS.steak, name: 'Рибай', price: 250000, quantity: 1 }] };
    expect(offerable([steakCombo], demoMenu(), order([line(IDS.borscht, 'Борщ')]))).toEqual([]);
    expect(offerable([steakCombo], demoMenu(), order([line(IDS.steak, 'Рибай')]))).toEqual([steakCombo]);
  });
});
