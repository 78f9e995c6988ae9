import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { applyServerFieldErrors, type NamePath } from './fieldErrors.ts';
import { FormErrorAlert } from './FormErrorAlert.tsx';

export interface FormMutationOptions<V, R> {
  /** Toast after success ("已保存"), or built from the answer. */
  successMessage?: string | ((result: R, values: V) => string);
  /** Query keys (from api/queryKeys.ts) refreshed after success, once onSuccess has run. */
  invalidate?: QueryKey[];
  onSuccess?: (result: R, values: V) => void | Promise<void>;
  /** Runs after the errors are placed (e.g. refetch after a 409 CONFLICT). */
  onError?: (error: unknown, values: V) => void | Promise<void>;
  /** Maps a server field path onto the form's name path (e.g. a differently named list). */
  rename?: (path: NamePath) => NamePath;
  /** data-testid of the error banner (default "server-error"). */
  testId?: string;
}

/**
 * The one way a page sends a form (issue 18 point 4): the server's field errors go under the inputs, every other
 * error (and field errors no input shows) into `errorAlert`, which the page places at the top of the form.
 *   const { mutation, errorAlert } = useFormMutation(form, saveThing, { successMessage: '已保存', invalidate: [keys.x.all] });
 *   <Form form={form} onFinish={mutation.mutate}>{errorAlert}…</Form>
 * or like useMutation: useFormMutation(form, { mutationFn: saveThing, onSuccess }).
 * `trySend(values)` is for a form sent from elsewhere (a ConfirmAction's onConfirm): true on success, false when
 * the refusal was marked on this form's inputs, and it rethrows a refusal none of them shows (the caller's turn).
 */
export function useFormMutation<V, R = unknown>(
  form: FormInstance,
  send: ((values: V) => Promise<R>) | (FormMutationOptions<V, R> & { mutationFn: (values: V) => Promise<R> }),
  more: FormMutationOptions<V, R> = {},
): {
  mutation: ReturnType<typeof useMutation<R, unknown, V>>;
  errorAlert: ReactNode;
  unplaced: string[];
  trySend: (values: V) => Promise<boolean>;
} {
  // Also callable like useMutation: useFormMutation(form, { mutationFn, onSuccess, … }).
  const { mutationFn, ...options } = typeof send === 'function' ? { ...more, mutationFn: send } : send;
  const { language } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  // A refusal trySend handed back to its caller is the caller's to show (a toast): no banner besides.
  const [handedBack, setHandedBack] = useState(false);
  const marked = useRef(false);
  const mutation = useMutation<R, unknown, V>({
    mutationFn,
    onMutate: () => {
      setUnplaced([]);
      setHandedBack(false);
    },
    onSuccess: async (result, values) => {
      const { successMessage } = options;
      if (successMessage) {
        void message.success(typeof successMessage === 'function' ? successMessage(result, values) : successMessage);
      }
      await options.onSuccess?.(result, values);
      await Promise.all((options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: async (error, values) => {
      const rest = applyServerFieldErrors(form, error, language, options.rename);
      marked.current = error instanceof ApiError && rest.length < error.fields.length;
      setUnplaced(rest);
      await options.onError?.(error, values);
    },
  });
  const errorAlert =
    mutation.isError && !handedBack ? (
      <FormErrorAlert error={mutation.error} unplaced={unplaced} testId={options.testId} />
    ) : null;
  const trySend = async (values: V) => {
    try {
      await mutation.mutateAsync(values);
      return true;
    } catch (error) {
      if (marked.current) return false;
      setHandedBack(true);
      throw error;
    }
  };
  return { mutation, errorAlert, unplaced, trySend };
}
