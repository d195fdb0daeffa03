import { FormModal } from '../FormModal.js';
import type { FormSpec, Outcome } from './types.js';

interface Props<T, V> {
  form: FormSpec<T, V>;
  /** null creates. */
  record: T | null;
  onClose: () => void;
  /** Runs the save as the table's mutation; a throw keeps the dialog open. */
  write: (run: () => Promise<Outcome<T> | null>) => Promise<Outcome<T> | null>;
  onSaved: () => void;
}

/** A resource's create/edit dialog from its FormSpec. */
export function ResourceForm<T, V extends object>({ form, record, onClose, write, onSaved }: Props<T, V>) {
  const save = async (values: V) => {
    if (await write(() => form.save(values, record))) onSaved();
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
