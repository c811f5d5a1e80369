import type { ReactNode } from 'react';

/** Errors are announced to screen readers as they appear (the region exists before the text). */
export function ErrorAlert({ message, id }: { message: string | null | undefined; id?: string }) {
  return (
    <div id={id} className={message ? 'alert alert-error' : 'alert-slot'} role="alert" aria-live="assertive">
      {message ?? ''}
    </div>
  );
}

export function SuccessNote({ children }: { children: ReactNode }) {
  return (
    <div className={children ? 'alert alert-success' : 'alert-slot'} role="status" aria-live="polite">
      {children}
    </div>
  );
}
