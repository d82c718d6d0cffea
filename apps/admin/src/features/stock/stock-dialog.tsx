import type { Product } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { Button, Dialog, DialogActions, TextField } from '@pos/ui';
import { type FormEvent, useState } from 'react';
import { useUpdateStock } from '../../api/update-stock';
import styles from './stock-section.module.css';

const QUICK = [0, 5, 10, 20, 50];
const MAX_STOCK = 1_000_000;

/** Sets the portions left of one product, or stops tracking them. */
export function StockDialog({ product, onClose }: { product: Product; onClose(): void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateStock();
  const [text, setText] = useState(product.stock === null ? '' : String(product.stock));
  const value = /^\d+$/.test(text) ? Number(text) : null;
  const isValid = value !== null && value <= MAX_STOCK;

  const send = (stock: number | null) => update.mutate({ productId: product.id, stock }, { onSuccess: onClose });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (isValid) send(value);
  };
  const step = (delta: number) => setText(String(Math.min(MAX_STOCK, Math.max(0, (value ?? 0) + delta))));

  return (
    <Dialog
      title={t('stock.dialogTitle', { name: product.name })}
      onClose={onClose}
      closeLabel={t('common:close')}
      footer={
        <DialogActions
          extra={
            <Button size="large" className={styles.untrack} disabled={update.isPending || product.stock === null} onClick={() => send(null)}>
              {t('stock.stopTracking')}
            </Button>
          }
          onCancel={onClose}
          cancelLabel={t('common:cancel')}
          form="stock-form"
          confirmLabel={t('common:save')}
          isDisabled={!isValid || update.isPending}
          confirmTestId="stock-save"
        />
      }
    >
      <form id="stock-form" className={styles.form} onSubmit={submit}>
        <TextField
          label={t('stock.portionsLeft')}
          value={text}
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          className={styles.amount}
          onChange={(e) => setText(e.target.value.replace(/\D/g, '').slice(0, 7))}
          error={text !== '' && !isValid ? t('stock.portionsInvalid') : null}
          addon={
            <>
              <Button className={styles.stepper} aria-label={t('stock.less')} onClick={() => step(-1)}>
                −
              </Button>
              <Button className={styles.stepper} aria-label={t('stock.more')} onClick={() => step(1)}>
                +
              </Button>
            </>
          }
          data-testid="stock-amount"
        />
        <div className={styles.quick}>
          {QUICK.map((n) => (
            <Button key={n} onClick={() => setText(String(n))}>
              {n}
            </Button>
          ))}
        </div>
      </form>
    </Dialog>
  );
}
