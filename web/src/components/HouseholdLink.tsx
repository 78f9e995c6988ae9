import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The one route of a household's page (registry): every household reference links here. */
export const householdPath = (id: number) => `/registry/households/${id}`;

export function HouseholdLink({ id, children }: { id: number; children: ReactNode }) {
  return (
    <Link to={householdPath(id)} data-testid={`household-link-${id}`}>
      {children}
    </Link>
  );
}
