import { useMutation } from '@tanstack/react-query';
import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { toApiError } from '../lib/api.js';
import { applyIssues } from '../lib/formErrors.js';

/**
 * A form's write: busy while it runs; a failure keeps what was typed, puts the server's issues
 * under the form's `fields` and anything else in `error` (the server's message: it says what to
 * do). Writes never retry (a mutation). `submit` resolves true when the write went through.
 */
export function useFormSubmit(form?: FormInstance, fields: readonly string[] = []) {
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: (write: () => Promise<unknown>) => write() });
  const submit = async (write: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await mutation.mutateAsync(write);
      return true;
    } catch (err) {
      const e = toApiError(err);
      if (!form || !applyIssues(form, e, fields)) setError(e.message);
      return false;
    }
  };
  return { busy: mutation.isPending, error, setError, submit };
}

/** The failure of a form's write, above the form. */
export function FormError({ error, testId }: { error: string | null; testId?: string }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={testId} />;
}
