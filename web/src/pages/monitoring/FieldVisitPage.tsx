import { FieldShell } from './FieldShell.tsx';
import VisitPage from './VisitPage.tsx';

/** /visit: the visit form on a phone, in the field frame instead of the desktop layout. */
export default function FieldVisitPage() {
  return (
    <FieldShell>
      <VisitPage />
    </FieldShell>
  );
}
