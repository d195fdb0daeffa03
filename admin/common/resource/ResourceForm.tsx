import { FormModal } from '../FormModal.js';
import type { FormSpec, Outcome } from './types.js';

interface Props<T, V> {
  form: FormSpec<T, V>;
  /** null creates. */
  record: T | null;
  onClose: () => void;
  onDone: (outcome: Outcome<T>) => void;
}

/** A resource's create/edit dialog from its FormSpec. */
export function ResourceForm<T, V extends object>({ form, record, onClose, onDone }: Props<T, V>) {
  const save = async (values: V) => {
    const outcome = await form.save(values, record);
    if (outcome) onDone(outcome);
  };
  return (
    <FormModal<V>
      title={form.title(record)}
      width={form.width}
      initialValues={form.initialValues(record)}
      fields={form.fields}
      save={save}
      onClose={onClose}
      submitTestId={form.submitTestId}
      submitText={form.submitText?.(record)}
      notice={form.notice?.(record)}
    >
      {form.items(record)}
    </FormModal>
  );
}
