import type { OrderLine } from '@pos/contracts';
import { Dialog, DialogActions, Field, Segmented } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteField } from './note-field';
import { canChangeCourse, COURSES } from './order-lines';

export interface LineEditDialogProps {
  line: OrderLine;
  onSave(patch: { note?: string | null; course?: number }): void;
  onClose(): void;
}

/** The kitchen note and the course of a line; the course is fixed once the kitchen has the dish. */
export function LineEditDialog({ line, onSave, onClose }: LineEditDialogProps) {
  const { t } = useTranslation('order');
  const [note, setNote] = useState(line.note ?? '');
  const [course, setCourse] = useState(line.course);
  const isCourseFree = canChangeCourse(line);
  const courseOptions = [...new Set<number>([...COURSES, line.course])].sort((a, b) => a - b);

  const save = () => {
    const patch: { note?: string | null; course?: number } = {};
    const trimmed = note.trim();
    if (trimmed !== (line.note ?? '')) patch.note = trimmed || null;
    if (course !== line.course) patch.course = course;
    if (Object.keys(patch).length) onSave(patch);
    else onClose();
  };

  return (
    <Dialog
      title={t('edit.title', { name: line.name })}
      onClose={onClose}
      closeLabel={t('common:close')}
      size="small"
      testId="line-edit-dialog"
      footer={<DialogActions onCancel={onClose} cancelLabel={t('common:cancel')} onConfirm={save} confirmLabel={t('edit.save')} confirmTestId="line-edit-save" />}
    >
      <NoteField label={t('edit.note')} value={note} onChange={setNote} />
      <Field label={t('edit.course')} hint={!isCourseFree && t('edit.courseLocked')}>
        <Segmented<number> options={courseOptions.map((c) => ({ value: c, label: String(c), disabled: !isCourseFree }))} value={course} onChange={setCourse} aria-label={t('edit.course')} />
      </Field>
    </Dialog>
  );
}
