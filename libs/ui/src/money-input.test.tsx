import { render, screen } from '@testing-library/react';
import { MoneyInput, withoutMark } from './money-input';

describe('MoneyInput', () => {
  it('strips the currency mark from a formatted placeholder: the field shows ₽ beside it', () => {
    expect(withoutMark('₽590.00')).toBe('590.00');
    expect(withoutMark('RUB 590.00')).toBe('590.00');
    expect(withoutMark('590,00\u00a0₽')).toBe('590,00');
    render(<MoneyInput value={null} onChange={jest.fn()} placeholder="RUB 590.00" testId="tendered" />);
    expect(screen.getByTestId('tendered')).toHaveAttribute('placeholder', '590.00');
    expect(screen.getByText('₽')).toBeInTheDocument();
  });
});
